namespace LiveTemplate.Typed.Generators.Model;

/// <summary>A partial handler class and the actions it handles, ordered by action name.</summary>
internal sealed record HandlerModel(TypeDeclarationModel Declaration, EquatableArray<HandledActionModel> Actions);
