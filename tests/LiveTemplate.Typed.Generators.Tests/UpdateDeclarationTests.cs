using System.Runtime.CompilerServices;
using System.Text.Json;
using LiveTemplate.Typed.Generators.Parsing;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// The update declarations against System.Text.Json itself: the naming policies name members as the serializer's do,
/// and what real source-generated contexts write (Fixtures/UpdateFixtures.cs) is what the generated declarations say.
/// </summary>
public class UpdateDeclarationTests
{
    private static readonly string[] MemberNames =
    [
        "CardId", "ID", "Id", "URLValue", "XMLReader", "SHA512Hash", "Step2Done", "IOStream", "already_snake", "Name2Go", "A", "a",
        "ABC", "HTMLTitle", "Card_Moved", "Ümlaut", "ÄÖÜ", "with space", "X1Y2", "_private", "Version10", "iPhone", "IPhone",
    ];

    public static TheoryData<int, string> Policies { get; } = new()
    {
        { JsonNamingPolicies.CamelCase, nameof(JsonNamingPolicy.CamelCase) },
        { JsonNamingPolicies.SnakeCaseLower, nameof(JsonNamingPolicy.SnakeCaseLower) },
        { JsonNamingPolicies.SnakeCaseUpper, nameof(JsonNamingPolicy.SnakeCaseUpper) },
        { JsonNamingPolicies.KebabCaseLower, nameof(JsonNamingPolicy.KebabCaseLower) },
        { JsonNamingPolicies.KebabCaseUpper, nameof(JsonNamingPolicy.KebabCaseUpper) },
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_naming_policy_names_members_as_System_Text_Json_does(int policy, string serializerPolicy)
    {
        var serializer = (JsonNamingPolicy)typeof(JsonNamingPolicy).GetProperty(serializerPolicy)!.GetValue(null)!;
        foreach (var name in MemberNames)
        {
            Assert.Equal(serializer.ConvertName(name), JsonNamingPolicies.Apply(policy, name));
        }
    }

    [Theory]
    [InlineData("web")]
    [InlineData("snake")]
    [InlineData("kebab")]
    [InlineData("plain")]
    public void The_declared_update_accepts_what_its_context_writes(string update)
        => AssertDeclaresWhatIsWritten(new DeclaredTypes(GenerateForFixtures()), update);

    [Fact]
    public void A_context_of_a_referenced_assembly_is_read_through_its_property()
    {
        // This test assembly, built with System.Text.Json's generator, is the referenced assembly.
        var compilation = GeneratorHarness.Compile(Sender, HostDeclarations.LiveConnection)
            .AddReferences(MetadataReference.CreateFromFile(typeof(KebabUpdateJson).Assembly.Location));
        var declarations = new DeclaredTypes(BrowserDeclarations.Generate(compilation));

        AssertDeclaresWhatIsWritten(declarations, "kebab");
        Assert.Equal("unknown", declarations.Interface("ServerUpdates")["web"].Type);
    }

    [Fact]
    public void What_a_converter_or_polymorphism_decides_is_unknown()
    {
        var typeScript = BrowserDeclarations.Generate(
            """
            using System;
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using LiveTemplate.Typed.AspNetCore;

            public sealed record Money(decimal Amount);
            [JsonPolymorphic] [JsonDerivedType(typeof(Circle), "circle")] public record Shape;
            public sealed record Circle(double R) : Shape;
            public sealed record Loose(string Id) { [JsonExtensionData] public Dictionary<string, JsonElement>? Rest { get; set; } }
            public sealed record Order(string Id, Money Price, Shape Shape, Loose Loose, IComparable Key, (int, int) Pair);

            public sealed class MoneyConverter : JsonConverter<Money>
            {
                public override Money Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => new(reader.GetDecimal());
                public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteStringValue("$" + value.Amount);
            }

            public sealed class AnyConverter : JsonConverterFactory
            {
                public override bool CanConvert(Type type) => true;
                public override JsonConverter? CreateConverter(Type type, JsonSerializerOptions options) => null;
            }

            [JsonSourceGenerationOptions(Converters = [typeof(MoneyConverter)])]
            [JsonSerializable(typeof(Order))]
            public sealed partial class OrderJson : JsonSerializerContext { }

            [JsonSourceGenerationOptions(Converters = [typeof(AnyConverter)])]
            [JsonSerializable(typeof(Order))]
            public sealed partial class AnyJson : JsonSerializerContext { }

            public static class Sender
            {
                public static async System.Threading.Tasks.Task SendAsync(LiveConnection live, Order order)
                {
                    await live.SendAsync("order", order, OrderJson.Default.Order);
                    await live.SendAsync("any", order, AnyJson.Default.Order);
                }
            }
            """,
            HostDeclarations.LiveConnection);
        var declarations = new DeclaredTypes(typeScript);

        var order = declarations.Interface(declarations.Interface("ServerUpdates")["order"].Type);
        Assert.Equal("string", order["Id"].Type);
        Assert.All(new[] { "Price", "Shape", "Loose", "Key", "Pair" }, member => Assert.Equal("unknown", order[member].Type));
        Assert.Equal("unknown", declarations.Interface("ServerUpdates")["any"].Type);
    }

    [Fact]
    public void A_declaration_refuses_data_that_differs_from_it()
    {
        var declarations = new DeclaredTypes(GenerateForFixtures());
        var type = declarations.Interface("ServerUpdates")["web"].Type;

        Assert.Null(declarations.Check(Write("web", Sparse), type));
        Assert.Contains("is not a member of", declarations.Check(Write("snake", Sparse), type), StringComparison.Ordinal);
        Assert.Contains("is not \"Calm\"", declarations.Check(JsonDocument.Parse("\"Busy\"").RootElement, "UpdateMood"), StringComparison.Ordinal);
    }

    private static readonly UpdateSample Full = new(
        7, "Board", "a note", UpdateShade.Dark, UpdateMood.Busy, [new UpdateInner("in", 1.5), new UpdateInner("out", null)],
        new() { ["k"] = new UpdateInner("v", 2), ["none"] = null }, 3, Guid.NewGuid(), DateTimeOffset.UnixEpoch, [1, 2],
        new() { [4] = UpdateShade.Dark }) { Rank = 2, Counter = 5, Secret = "never written" };

    private static readonly UpdateSample Sparse = new(0, "", null, UpdateShade.Light, UpdateMood.Calm, [], [], 0, Guid.Empty, default, [], []);

    // The sends of the fixtures' updates; the harness compiles it without System.Text.Json's generator, as the generator sees a project.
    private const string Sender =
        """
        using LiveTemplate.Typed.AspNetCore;

        namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

        public static class UpdateSender
        {
            public static async System.Threading.Tasks.Task SendAsync(LiveConnection live, UpdateSample sample)
            {
                await live.SendAsync("web", sample, WebUpdateJson.Default.UpdateSample);
                await live.SendAsync("snake", sample, SnakeUpdateJson.Default.UpdateSample);
                await live.SendAsync("kebab", sample, KebabUpdateJson.Default.UpdateSample);
                await live.SendAsync("plain", sample, PlainUpdateJson.Default.UpdateSample);
            }
        }
        """;

    private static void AssertDeclaresWhatIsWritten(DeclaredTypes declarations, string update)
    {
        var type = declarations.Interface("ServerUpdates")[update].Type;
        Assert.Null(declarations.Check(Write(update, Full), type));
        Assert.Null(declarations.Check(Write(update, Sparse), type));

        // Every member is modelled: the declaration is as precise as the data.
        Assert.DoesNotContain(declarations.Interface(type).Values, m => m.Type.Contains("unknown", StringComparison.Ordinal));
    }

    private static JsonElement Write(string update, UpdateSample sample) => update switch
    {
        "web" => JsonSerializer.SerializeToElement(sample, WebUpdateJson.Default.UpdateSample),
        "snake" => JsonSerializer.SerializeToElement(sample, SnakeUpdateJson.Default.UpdateSample),
        "kebab" => JsonSerializer.SerializeToElement(sample, KebabUpdateJson.Default.UpdateSample),
        _ => JsonSerializer.SerializeToElement(sample, PlainUpdateJson.Default.UpdateSample),
    };

    private static string GenerateForFixtures([CallerFilePath] string testFile = "")
        => BrowserDeclarations.Generate(
            "global using System;\nglobal using System.Collections.Generic;\n",
            File.ReadAllText(Path.Combine(Path.GetDirectoryName(testFile)!, "Fixtures", "UpdateFixtures.cs")),
            Sender,
            HostDeclarations.LiveConnection);
}
