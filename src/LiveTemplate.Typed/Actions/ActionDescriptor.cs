namespace LiveTemplate.Typed.Actions;

/// <summary>One typed action as the runtime routes it: its name on the wire, its scope and its type.</summary>
public sealed class ActionDescriptor
{
    /// <summary>Describes an action by hand; generated catalogues use <see cref="For{TAction}"/>.</summary>
    public ActionDescriptor(string name, ActionScope scope, Type type)
    {
        ActionNameRules.Validate(name, nameof(name));
        ArgumentNullException.ThrowIfNull(type);
        if (scope is not (ActionScope.Server or ActionScope.Group or ActionScope.Topic))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "An action is a server action, a group action or a topic action.");
        }

        Name = name;
        Scope = scope;
        Type = type;
    }

    /// <summary>The action's name on the wire.</summary>
    public string Name { get; }

    /// <summary>Whether it is sent to a user, a group or a topic.</summary>
    public ActionScope Scope { get; }

    /// <summary>The action's record type.</summary>
    public Type Type { get; }

    /// <summary>Describes <typeparamref name="TAction"/> from its generated name and scope.</summary>
    public static ActionDescriptor For<TAction>()
        where TAction : IAction<TAction>
        => new(TAction.ActionName, TAction.Scope, typeof(TAction));

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Scope}, {Type.FullName})";
}
