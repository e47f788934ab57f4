namespace LiveTemplate.Typed.AspNetCore.Topics;

/// <summary>Who wants a connection's topic or pattern: its handler, its browser, or both.</summary>
[Flags]
internal enum TopicHolder
{
    None = 0,
    Handler = 1,
    Browser = 2,
}
