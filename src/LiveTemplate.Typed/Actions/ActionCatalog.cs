using System.Diagnostics.CodeAnalysis;

namespace LiveTemplate.Typed.Actions;

/// <summary>
/// Every typed action an application knows, by name. Each assembly with actions registers its generated
/// catalogue into <see cref="Default"/> when it loads, so the runtime can route by name without reflection.
/// </summary>
public sealed class ActionCatalog
{
    private readonly object _gate = new();
    private Dictionary<string, ActionDescriptor> _byName = new(StringComparer.Ordinal);
    private ActionDescriptor[] _actions = [];
    private ActionDescriptor[] _conflicts = [];

    /// <summary>The application's catalogue, filled by the generated module initializers.</summary>
    public static ActionCatalog Default { get; } = new();

    /// <summary>The registered actions, ordered by name.</summary>
    public IReadOnlyList<ActionDescriptor> Actions => Volatile.Read(ref _actions);

    /// <summary>
    /// Actions that were not registered because another type already uses their name (two assemblies that
    /// chose the same action name). The first registration keeps the name.
    /// </summary>
    public IReadOnlyList<ActionDescriptor> Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>Adds <paramref name="actions"/>. Registering the same action twice is harmless; a name taken by another type is a conflict.</summary>
    public void Register(IEnumerable<ActionDescriptor> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        lock (_gate)
        {
            var byName = new Dictionary<string, ActionDescriptor>(_byName, StringComparer.Ordinal);
            var conflicts = new List<ActionDescriptor>(_conflicts);
            foreach (var action in actions)
            {
                ArgumentNullException.ThrowIfNull(action, nameof(actions));
                if (!byName.TryGetValue(action.Name, out var existing))
                {
                    byName.Add(action.Name, action);
                }
                else if (existing.Type != action.Type || existing.Scope != action.Scope)
                {
                    conflicts.Add(action);
                }
            }

            var ordered = byName.Values.ToArray();
            Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            _byName = byName;
            Volatile.Write(ref _actions, ordered);
            Volatile.Write(ref _conflicts, conflicts.ToArray());
        }
    }

    /// <summary>Finds the action called <paramref name="name"/>.</summary>
    public bool TryFind(string name, [NotNullWhen(true)] out ActionDescriptor? action)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Volatile.Read(ref _byName).TryGetValue(name, out action);
    }
}
