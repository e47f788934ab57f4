namespace LiveTemplate.Typed.Generators.Model;

/// <summary>How one of the public constants of an action type (<c>ActionName</c>, <c>ActionScope</c>) is declared.</summary>
internal enum ConstantDeclaration
{
    /// <summary>Declared.</summary>
    Declare,

    /// <summary>Declared <c>new</c>: it hides the constant generated into a base type that is an action too.</summary>
    Hide,

    /// <summary>Not declared: the type, or a base type, already has a member of that name (the generated code never refers to it).</summary>
    Skip,
}
