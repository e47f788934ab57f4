using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Generators.Tests.Fixtures;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>The runtime catalogue the generated module initializers fill.</summary>
public class ActionCatalogTests
{
    [Fact]
    public void Registering_twice_is_harmless_and_a_name_taken_by_another_type_is_a_conflict()
    {
        var catalog = new ActionCatalog();
        catalog.Register([ActionDescriptor.For<CardMoved>(), ActionDescriptor.For<CartUpdated>()]);
        catalog.Register([ActionDescriptor.For<CardMoved>()]);

        catalog.Register([new ActionDescriptor("card-moved", ActionScope.Group, typeof(BoardCleared))]);

        Assert.Equal(["card-moved", "cart-updated"], catalog.Actions.Select(a => a.Name));
        Assert.True(catalog.TryFind("card-moved", out var kept));
        Assert.Equal(typeof(CardMoved), kept.Type);
        Assert.Equal(typeof(BoardCleared), Assert.Single(catalog.Conflicts).Type);
        Assert.False(catalog.TryFind("nope", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\u0001name")]
    public void Descriptors_refuse_names_that_are_not_channel_safe(string name)
        => Assert.ThrowsAny<ArgumentException>(() => new ActionDescriptor(name, ActionScope.Server, typeof(CartUpdated)));
}
