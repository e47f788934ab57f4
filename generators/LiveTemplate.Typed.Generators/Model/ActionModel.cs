namespace LiveTemplate.Typed.Generators.Model;

/// <summary>Everything the emitter needs for one action; only strings, enums and equatable arrays.</summary>
/// <param name="Declaration">Where its partial declaration goes.</param>
/// <param name="ActionName">The name on the wire.</param>
/// <param name="Kind">Its scope.</param>
/// <param name="NameConstant">How <c>public const string ActionName</c> is declared.</param>
/// <param name="ScopeConstant">How <c>public const ActionScope ActionScope</c> is declared.</param>
/// <param name="Root">The action's own members.</param>
/// <param name="Objects">The nested objects its members use, in order of first use.</param>
/// <param name="Enums">The enums its members use, in order of first use.</param>
/// <param name="IsImmutable">True when nothing reachable from a decoded value can change (see <c>Parsing.Immutability</c>): the runtime shares it between connections.</param>
/// <param name="IsRecoverable">False with <c>Recoverable = false</c> in the attribute: the action stays out of its channel's history.</param>
/// <param name="SuppressedDiagnostics">The ids of the <c>[Experimental]</c> types and members the generated code uses, which its file suppresses.</param>
/// <param name="Topic">A topic action's template, or null (every other action, and a topic action without one).</param>
/// <param name="NonPublicMemberOwners">Its types (its own, nested ones) with data members another assembly's compiler cannot see, for the record of them (<see cref="AssemblyRecords"/>).</param>
internal sealed record ActionModel(
    TypeDeclarationModel Declaration,
    string ActionName,
    ActionKind Kind,
    ConstantDeclaration NameConstant,
    ConstantDeclaration ScopeConstant,
    ObjectModel Root,
    EquatableArray<ObjectModel> Objects,
    EquatableArray<EnumModel> Enums,
    bool IsImmutable,
    bool IsRecoverable,
    EquatableArray<string> SuppressedDiagnostics,
    TopicTemplateModel? Topic = null,
    EquatableArray<string> NonPublicMemberOwners = default);
