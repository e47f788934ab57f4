namespace LiveTemplate.Typed.Generators.Model;

/// <summary>A partial handler class and the actions it handles, ordered by action name.</summary>
/// <param name="Declaration">Where its partial declaration goes.</param>
/// <param name="Actions">The actions it handles.</param>
/// <param name="ImplementsExplicitly">True when the type declares a <c>DispatchAsync</c> or <c>CanHandle</c> of its own, so the generated ones implement <c>IActionDispatcher</c> explicitly.</param>
/// <param name="HidesInherited">True when a base type (a handler of its own) has a <c>DispatchAsync</c> or <c>CanHandle</c>, which the generated ones hide with <c>new</c>.</param>
internal sealed record HandlerModel(TypeDeclarationModel Declaration, EquatableArray<HandledActionModel> Actions, bool ImplementsExplicitly, bool HidesInherited);
