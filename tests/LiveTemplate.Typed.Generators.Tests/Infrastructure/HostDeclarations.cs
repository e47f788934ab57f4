namespace LiveTemplate.Typed.Generators.Tests.Infrastructure;

/// <summary>
/// The host's types the generator reads, declared as LiveTemplate.Typed.AspNetCore declares them: the generator
/// tests compile without the ASP.NET Core framework.
/// </summary>
internal static class HostDeclarations
{
    /// <summary><c>LiveConnection</c> with its three <c>SendAsync</c> overloads: a typed action, raw JSON and a System.Text.Json value.</summary>
    public const string LiveConnection =
        """
        namespace LiveTemplate.Typed.AspNetCore
        {
            public sealed class LiveConnection
            {
                public System.Threading.Tasks.ValueTask SendAsync<TAction>(TAction action, System.Threading.CancellationToken cancellationToken = default)
                    where TAction : LiveTemplate.Typed.IAction<TAction> => default;

                public System.Threading.Tasks.ValueTask SendAsync(string name, System.ReadOnlyMemory<byte> utf8Json, System.Threading.CancellationToken cancellationToken = default) => default;

                public System.Threading.Tasks.ValueTask SendAsync<T>(string name, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, System.Threading.CancellationToken cancellationToken = default) => default;
            }
        }
        """;
}
