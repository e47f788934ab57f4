namespace LiveTemplate.Typed.Generators.Model;

/// <summary>
/// One call of <c>LiveConnection.SendAsync(name, …)</c> that sends a browser an <c>update</c> frame: its name and what
/// System.Text.Json writes as its data. Only strings, enums and equatable arrays, so the pipeline caches it.
/// </summary>
/// <param name="Name">The update's name when it is a compile-time constant; null when any name may be sent.</param>
/// <param name="Value">The data.</param>
/// <param name="Objects">The objects the data uses, in order of first use.</param>
/// <param name="Enums">The enums written by name the data uses, in order of first use.</param>
internal sealed record UpdateSend(string? Name, WrittenType Value, EquatableArray<WrittenObject> Objects, EquatableArray<WrittenEnum> Enums);
