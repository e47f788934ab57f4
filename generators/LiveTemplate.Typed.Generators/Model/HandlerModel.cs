namespace LiveTemplate.Typed.Generators.Model;

/// <summary>A partial handler class and the actions it handles, ordered by action name.</summary>
/// <param name="Declaration">Where its partial declaration goes.</param>
/// <param name="Actions">The actions it handles.</param>
/// <param name="ImplementsExplicitly">True when the type declares a <c>DispatchAsync</c> or <c>CanHandle</c> of its own, so the generated ones implement <c>IActionDispatcher</c> explicitly.</param>
internal sealed record HandlerModel(TypeDeclarationModel Declaration, EquatableArray<HandledActionModel> Actions, bool ImplementsExplicitly);
