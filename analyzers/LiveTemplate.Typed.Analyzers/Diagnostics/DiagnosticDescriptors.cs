using LiveTemplate.Typed.Generators.Diagnostics;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Analyzers.Diagnostics;

/// <summary>Every diagnostic about how LiveTemplate.Typed is used (LTT0xxx), in one place; severities are argued in docs/diagnostics.</summary>
internal static class DiagnosticDescriptors
{
    private const string Scope = "LiveTemplate.Typed.Scope";
    private const string Actions = "LiveTemplate.Typed.Actions";
    private const string Reliability = "LiveTemplate.Typed.Reliability";
    private const string Topics = "LiveTemplate.Typed.Topics";

    public static readonly DiagnosticDescriptor UnscopedBroadcast = Create(
        "LTT0001",
        "Global broadcast without an explicit opt-in",
        "'{0}' sends to every connection on every instance; publish to a GroupId or UserId instead, or mark the member or type [AllowGlobalBroadcast(\"why everyone needs it\")]",
        Scope,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RawActionPublish = Create(
        "LTT0002",
        "Raw action publish where a typed action exists",
        "Action \"{0}\" is the typed action '{1}'; call {2}(..., new {3}(...)) so the compiler checks its data and scope",
        Actions,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidScopeIdConstant = Create(
        "LTT0003",
        "Scope id constant is never valid",
        "{0} always fails: {1}; build the id from the user's or group's identity at run time",
        Scope,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ConstantScopeId = Create(
        "LTT0004",
        "Scope id is a constant",
        "{0} is built from the constant \"{1}\": every connection that uses it shares one {2}, a global broadcast in disguise; build it from run-time data (a board, room, session or user id), or suppress LTT0004 where one fixed {2} is meant",
        Scope,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FeedbackLoop = Create(
        "LTT0005",
        "Action published from its own handler",
        "This handler of '{0}' publishes '{0}' again: every connection that receives it runs this handler and publishes it once more; publish a different action, or guard the re-publish and suppress LTT0005",
        Actions,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DefaultScopeId = Create(
        "LTT0006",
        "default scope id passed to LiveTemplate.Typed",
        "'{0}' receives default({1}), which identifies no {2} and is rejected with an ArgumentException; pass a {1} created from a value",
        Scope,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnobservedBroadcasterTask = Create(
        "LTT0007",
        "Broadcaster or connection Task or ValueTask is dropped",
        "The {1} of '{0}' is dropped, so a failure ({2}) is never seen; {3}",
        Reliability,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ActionPublishedInWrongScope = Create(
        "LTT0008",
        "Action published in the wrong scope",
        "Action \"{0}\" is the {1} '{2}', but '{3}' sends it as a {4}; its handlers will reject it as the wrong scope: call {5} with a {6}",
        Actions,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor OptInWithoutReason = Create(
        "LTT0009",
        "Global broadcast opt-in without a reason",
        "[AllowGlobalBroadcast] needs a reason a reviewer can read, such as \"operator announcements\"; an empty reason does not opt in",
        Scope,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidTopicConstant = Create(
        "LTT0010",
        "Topic or pattern constant breaks the grammar",
        "{0} always fails: {1}; write a {2} of '/'-separated segments of [A-Za-z0-9_-]+{3}",
        Topics,
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor PatternAsTopic = Create(
        "LTT0011",
        "Topic constant is a pattern",
        "{0} always fails: \"{1}\" is a pattern, and a Topic names exactly one topic; {2}",
        Topics,
        DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity)
        => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
}
