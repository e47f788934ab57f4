using LiveTemplate.Typed;

namespace LiveTemplate.Typed.Benchmarks.Servers.Typed.Actions;

/// <summary>To the browser, once its connect work is done (tracked, with presence on): the connect benchmark waits for it.</summary>
[GroupAction]
public sealed partial record Ready(bool Tracked);
