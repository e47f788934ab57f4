using System.Collections.Frozen;
using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>The actions an endpoint lets browsers invoke, by name, with the scope each runs in; frozen when the endpoint is mapped.</summary>
internal sealed class BrowserActionRules(IEnumerable<KeyValuePair<string, ActionScope>> allowed)
{
    private readonly FrozenDictionary<string, ActionScope> _allowed = allowed.ToFrozenDictionary(StringComparer.Ordinal);

    public bool TryGetScope(string action, out ActionScope scope) => _allowed.TryGetValue(action, out scope);
}
