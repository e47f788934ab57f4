namespace LiveTemplate.Typed.Wire;

/// <summary>The nesting limits of envelopes and action data, in one place.</summary>
internal static class EnvelopeLimits
{
    /// <summary>The deepest JSON nesting an envelope may have, its own object and the action's data included.</summary>
    public const int MaxEnvelopeDepth = 64;

    /// <summary>The deepest JSON nesting an action's data may have: one less than the envelope that carries it.</summary>
    public const int MaxDataDepth = MaxEnvelopeDepth - 1;
}
