using LiveTemplate.Typed.Generators.Parsing;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>The default action name and JSON member name rules.</summary>
public class NamingTests
{
    [Theory]
    [InlineData("CartUpdated", "cart-updated")]
    [InlineData("CardMoved", "card-moved")]
    [InlineData("HTMLExported", "html-exported")]
    [InlineData("UserIDChanged", "user-id-changed")]
    [InlineData("Step2Done", "step2-done")]
    [InlineData("Card_Moved", "card-moved")]
    [InlineData("ping", "ping")]
    [InlineData("IO", "io")]
    public void Default_action_names_are_the_kebab_case_of_the_type_name(string typeName, string expected)
        => Assert.Equal(expected, ActionNaming.DefaultActionName(typeName));

    [Theory]
    [InlineData("CartId", "cartId")]
    [InlineData("ID", "id")]
    [InlineData("URLValue", "urlValue")]
    [InlineData("IOError", "ioError")]
    [InlineData("already", "already")]
    [InlineData("X", "x")]
    public void Json_names_are_camel_case_like_system_text_json(string property, string expected)
        => Assert.Equal(expected, ActionNaming.CamelCase(property));

    [Theory]
    [InlineData("card-moved", null)]
    [InlineData("profile:renamed", null)]
    [InlineData("日本語😀", null)]
    [InlineData("", "it is empty")]
    [InlineData("a b", "it contains whitespace")]
    [InlineData("a\u00a0b", "it contains whitespace")]
    [InlineData("a\u0001", "it contains the control character U+0001")]
    public void Action_names_must_be_channel_safe(string name, string? problem)
        => Assert.Equal(problem, ActionNaming.Explain(name));

    [Fact]
    public void Unpaired_surrogates_are_refused()
    {
        // Built here, not in [InlineData], where a lone surrogate would not survive test discovery.
        var name = "a" + (char)0xD800;

        Assert.Equal("it contains an unpaired surrogate", ActionNaming.Explain(name));
    }

    [Fact]
    public void Names_longer_than_the_scope_id_limit_are_refused()
    {
        Assert.Null(ActionNaming.Explain(new string('a', 256)));
        Assert.Equal("it is longer than 256 characters", ActionNaming.Explain(new string('a', 257)));
        Assert.Equal(LiveTemplate.Typed.ScopeIdRules.MaxLength, ActionNaming.MaxLength);
    }
}
