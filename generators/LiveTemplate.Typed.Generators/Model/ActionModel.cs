namespace LiveTemplate.Typed.Generators.Model;

/// <summary>Everything the emitter needs for one action; only strings, enums and equatable arrays.</summary>
/// <param name="Declaration">Where its partial declaration goes.</param>
/// <param name="ActionName">The name on the wire.</param>
/// <param name="Kind">Its scope.</param>
/// <param name="Root">The action's own members.</param>
/// <param name="Objects">The nested objects its members use, in order of first use.</param>
/// <param name="Enums">The enums its members use, in order of first use.</param>
internal sealed record ActionModel(
    TypeDeclarationModel Declaration,
    string ActionName,
    ActionKind Kind,
    ObjectModel Root,
    EquatableArray<ObjectModel> Objects,
    EquatableArray<EnumModel> Enums);
