namespace LiveTemplate.Typed.AotProof;

/// <summary>Which instance this is (the <c>Instance</c> setting, default the process id), so a client sees who handled an action.</summary>
public sealed record InstanceName(string Value);
