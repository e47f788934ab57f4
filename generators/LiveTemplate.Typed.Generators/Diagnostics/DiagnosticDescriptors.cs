using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Diagnostics;

/// <summary>Every diagnostic about typed action declarations (LTT1xxx), in one place.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "LiveTemplate.Typed.Actions";

    public static readonly DiagnosticDescriptor ActionMustBePartial = Create(
        "LTT1001",
        "Typed action must be partial",
        "'{0}' is marked [{1}] but is not partial; add the 'partial' modifier so the generator can add its action name and JSON code");

    public static readonly DiagnosticDescriptor ActionMustBeRecord = Create(
        "LTT1002",
        "Typed action must be a record",
        "'{0}' is marked [{1}] but is a {2}; declare it as a 'partial record' or 'partial record struct'");

    public static readonly DiagnosticDescriptor ActionHasBothScopes = Create(
        "LTT1003",
        "Typed action has both scopes",
        "'{0}' is marked with more than one action attribute ({1}); keep [ServerAction] if it goes to one user's connections, [GroupAction] if it goes to one group's, or [TopicAction] if it goes to a topic's subscribers");

    public static readonly DiagnosticDescriptor DuplicateActionName = Create(
        "LTT1004",
        "Action name used twice",
        "Action name '{0}' is used by both '{1}' and '{2}'; give one of them another name in its attribute, for example [{3}(\"{0}-2\")]",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Create(
        "LTT1005",
        "Member type not supported in a typed action",
        "Member '{0}' of '{1}' has type '{2}', which a typed action cannot carry: {3}; use numbers, bool, string, char, Guid, date and time types, enums, arrays, lists, string-keyed dictionaries or nested records of these");

    public static readonly DiagnosticDescriptor InvalidActionName = Create(
        "LTT1006",
        "Action name is not valid",
        "Action name {0} of '{1}' is not valid: {2}; use a non-empty name without whitespace or control characters, such as \"card-moved\"");

    public static readonly DiagnosticDescriptor ContainingTypeMustBePartial = Create(
        "LTT1007",
        "Type containing a typed action must be partial",
        "'{0}' is nested in '{1}', which is not partial; add the 'partial' modifier to '{1}' so the generator can extend '{0}'");

    public static readonly DiagnosticDescriptor ActionMustNotBeGeneric = Create(
        "LTT1008",
        "Typed action must not be generic",
        "'{0}' is generic or nested in a generic type; an action needs one fixed name and JSON shape, so declare it as a non-generic record outside generic types");

    public static readonly DiagnosticDescriptor NoUsableConstructor = Create(
        "LTT1009",
        "Typed action cannot be constructed from its members",
        "'{0}' cannot be read back from JSON: {1}; use a positional record (record {0}(...)) or add such a constructor");

    public static readonly DiagnosticDescriptor ActionMustBeAccessible = Create(
        "LTT1010",
        "Typed action must be visible to its assembly",
        "'{0}' is {1}; the generated catalogue and JSON code live outside it, so make '{0}' and every type around it internal or public");

    public static readonly DiagnosticDescriptor DuplicateJsonName = Create(
        "LTT1011",
        "Two members with one JSON name",
        "'{0}' and '{1}' of '{2}' are both written as \"{3}\", so the reader could not tell them apart; give one of them another name with [{4}(\"...\")]");

    public static readonly DiagnosticDescriptor IgnoredMemberIsNeeded = Create(
        "LTT1012",
        "Ignored member is needed to read the action back",
        "Member '{0}' of '{1}' is {2} but {3}, so what the generated writer writes could not be read back; {4}");

    public static readonly DiagnosticDescriptor UnsupportedAttribute = Create(
        "LTT1013",
        "Attribute not supported in a typed action",
        "[{0}] on '{1}' is not supported in a typed action: {2}; remove it (docs/actions.md lists what typed actions honour)");

    public static readonly DiagnosticDescriptor GeneratedCodeCannotUse = Create(
        "LTT1014",
        "Generated code cannot use a member of the action",
        "Generated code cannot use '{0}': {1}; {2}");

    public static readonly DiagnosticDescriptor InvalidJsonName = Create(
        "LTT1015",
        "JSON name is not valid",
        "The JSON name of '{0}' in '{1}' is not valid: {2}; give [{3}] a name made of whole UTF-16 characters");

    public static readonly DiagnosticDescriptor FieldIsNotData = Create(
        "LTT1016",
        "Public field is not part of the action's data",
        "Field '{0}' of '{1}' is public but is neither written nor read (System.Text.Json skips fields); add [JsonInclude] to carry it, [JsonIgnore] to say it stays out, or make it a property");

    public static readonly DiagnosticDescriptor InvalidTopicTemplate = Create(
        "LTT1017",
        "Topic template breaks the topic grammar",
        "The topic template '{0}' of '{1}' is not valid: {2}; write '/'-separated segments of letters, digits, '_' and '-', and members as whole '{{Member}}' segments");

    public static readonly DiagnosticDescriptor TopicTemplateMember = Create(
        "LTT1018",
        "Topic template names no usable member",
        "The topic template of '{0}' names '{{{1}}}', {2}; name a data member of type string, an integer type or Guid");

    public static readonly DiagnosticDescriptor PresenceMetadataIsNotAnAction = Create(
        "LTT1020",
        "Presence metadata is not an action",
        "'{0}' is marked both [PresenceMetadata] and [{1}]: presence metadata describes a present connection and is never sent as an action; declare two records");

    public static readonly DiagnosticDescriptor ReferencedMembersNotVisible = Create(
        "LTT1021",
        "Referenced action has data members this project cannot see",
        "'{0}', a type of an action of a referenced assembly, has data members that are not public, which this project's compiler does not load, so its browser declarations would lack them; make them public, or let that assembly grant this project [InternalsVisibleTo]",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor HandlerGetsNoDispatcher = new(
        "LTT1022",
        "Handler of typed actions gets no dispatcher",
        "'{0}' handles typed actions, but {1}, so the generator cannot give it a dispatcher: MapLiveTemplate will not accept it and no action reaches it; {2}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For("LTT1022"));

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        "LTT1023",
        "Typed actions need C# 11 or later",
        "'{0}' is marked [{1}], whose generated code needs C# 11 or later, but this project compiles C# {2}; remove <LangVersion> from the project (its target framework's default is newer) or set it to 11 or later");

    private static DiagnosticDescriptor Create(string id, string title, string message, params string[] tags)
        => new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id), customTags: tags);
}
