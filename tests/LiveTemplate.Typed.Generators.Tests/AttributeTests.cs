using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// System.Text.Json's attributes and C# <c>required</c> in the generated code of the records in
/// Fixtures/AttributeActions.cs, with System.Text.Json's semantics (docs/actions.md has the table).
/// </summary>
public class AttributeTests
{
    [Fact]
    public void JsonIgnore_keeps_a_member_off_the_wire_and_reading_gives_it_its_default()
    {
        var json = Json.Write(new SignedIn("ann", Password: "hunter2") { Session = "s-1" });

        Assert.DoesNotContain("hunter2", json);
        Assert.DoesNotContain("password", json);
        Assert.DoesNotContain("session", json);
        var back = Json.Read<SignedIn>("""{"user":"ann","password":"sent anyway","session":"s-2"}""");
        Assert.Equal(string.Empty, back.Password);
        Assert.Equal("kept", back.Session);
    }

    [Fact]
    public void JsonIgnore_conditions_leave_out_null_and_default_values_and_read_them_back_as_such()
    {
        Assert.Equal("""{"at":0,"user":"ann","device":null}""", Json.Write(new SignedIn("ann", Attempts: 0)));
        Assert.Equal("""{"at":5,"user":"ann","token":"t","attempts":2,"device":"d"}""", Json.Write(new SignedIn("ann", "p", "t", 2, "d") { At = 5 }));

        // Left out because it was null or the default: read back as that, not as the parameter's default (3).
        var back = Json.RoundTrip(new SignedIn("ann", Attempts: 0));
        Assert.Equal(0, back.Attempts);
        Assert.Null(back.Token);
    }

    [Fact]
    public void JsonPropertyOrder_orders_the_members_written()
    {
        var json = Json.Write(new SignedIn("ann") { At = 1 });

        Assert.StartsWith("""{"at":1,"user":""", json);
    }

    [Fact]
    public void A_required_member_missing_from_the_data_is_an_error_even_when_it_accepts_null()
    {
        Assert.Equal("nickname", Json.Fail<ProfileShown>("""{"name":"n","level":1}""").Path);
        Assert.Equal("level", Json.Fail<ProfileShown>("""{"name":"n","nickname":null}""").Path);
        Assert.Equal("is required but missing", Json.Fail<ProfileShown>("""{"name":"n","nickname":null}""").Reason);

        var read = Json.Read<ProfileShown>("""{"name":"n","nickname":null,"level":2}""");
        Assert.Null(read.Nickname);
        Assert.Equal(2, read.Level);
    }

    [Fact]
    public void A_member_outside_the_constructor_that_the_data_leaves_out_keeps_its_initializer()
    {
        var read = Json.Read<ProfileShown>("""{"name":"n","nickname":"x","level":1}""");

        Assert.Equal(["default"], read.Tags);
        Assert.Equal("none", read.Motto);
        var given = Json.Read<ProfileShown>("""{"name":"n","nickname":"x","level":1,"tags":[],"motto":"m"}""");
        Assert.Empty(given.Tags);
        Assert.Equal("m", given.Motto);
        Json.RoundTrip(new ProfileShown("n") { Nickname = "x", Level = 3, Tags = ["a"], Motto = "m" });
    }

    [Fact]
    public void Members_named_like_the_generated_constants_are_the_users_and_the_action_still_has_its_name()
    {
        var action = new AuditLogged("card-moved", 2);

        Assert.Equal("""{"actionName":"card-moved","actionScope":2}""", Json.Write(action));
        Assert.Equal("card-moved", Json.RoundTrip(action).ActionName);
        Assert.Equal("audit-logged", NameOf<AuditLogged>());
        Assert.Equal(ActionScope.Server, ScopeOf<AuditLogged>());
    }

    [Fact]
    public void A_derived_action_hides_its_base_actions_constants_with_its_own()
    {
        Assert.Equal("card-touched", CardTouched.ActionName);
        Assert.Equal("card-touched-twice", CardTouchedTwice.ActionName);
        Assert.Equal("card-touched-twice", NameOf<CardTouchedTwice>());
        Assert.Equal("""{"cardId":1,"by":"bo"}""", Json.Write(new CardTouchedTwice(1, "bo")));
    }

    [Fact]
    public void Enum_converters_and_member_names_are_honoured()
    {
        var json = Json.Write(new StatusChanged(Status.Live, Shade.LightGrey, Shade.Dark));

        Assert.Equal("""{"status":2,"shade":"light-grey","shadeNumber":1}""", json);
        Assert.Equal(new StatusChanged(Status.Live, Shade.LightGrey, Shade.Dark), Json.Read<StatusChanged>(json));
        Assert.Equal("must be a number (found a string)", Json.Fail<StatusChanged>("""{"status":"Live","shade":"Dark","shadeNumber":null}""").Reason);
        Assert.Equal("must be one of light-grey, Dark", Json.Fail<StatusChanged>("""{"status":1,"shade":"LightGrey","shadeNumber":null}""").Reason);
    }

    [Fact]
    public void A_type_that_disallows_unmapped_members_refuses_them_by_name()
    {
        var error = Json.Fail<StatusChanged>("""{"status":1,"shade":"Dark","shadeNumber":null,"extra":true}""");

        Assert.Equal("extra", error.Path);
        Assert.Equal("is not a member of this object, which accepts no other", error.Reason);
    }

    [Fact]
    public void An_exception_from_the_actions_own_constructor_is_a_refusal_not_a_throw()
    {
        Assert.Equal(42, Json.Read<PercentSet>("""{"value":42}""").Value);

        var error = Json.Fail<PercentSet>("""{"value":420}""");

        Assert.StartsWith("was refused by the action's own code (ArgumentOutOfRangeException: A percentage is 0 to 100.", error.Reason);
    }

    [Theory]
    [InlineData("""{"share":{"value":420},"splits":[]}""", "share")]
    [InlineData("""{"share":{"value":4},"splits":[{"value":1},{"value":-1}]}""", "splits[1]")]
    public void A_refusal_by_the_constructor_of_a_nested_type_names_the_path_to_it(string json, string path)
    {
        var error = Json.Fail<BudgetSet>(json);

        Assert.Equal(path, error.Path);
        Assert.StartsWith("was refused by the action's own code (ArgumentOutOfRangeException: A percentage is 0 to 100.", error.Reason);
        Assert.Equal(new BudgetSet(new Percent(4), [new Percent(1)]).Share, Json.Read<BudgetSet>("""{"share":{"value":4},"splits":[{"value":1}]}""").Share);
    }

#pragma warning disable CS0612, CS0618 // The test uses obsolete fixtures on purpose; the generated code needed no such line.
    [Fact]
    public void Obsolete_actions_members_and_enum_members_are_written_and_read()
    {
        var json = """{"old":7,"kind":"Old","note":{"text":"t"}}""";

        var action = Json.Read<CardPoked>(json);

        Assert.Equal(json, Json.Write(action));
        Assert.Equal(Legacy.Old, action.Kind);
    }
#pragma warning restore CS0612, CS0618

    private static string NameOf<T>()
        where T : IAction<T>
        => T.ActionName;

    private static ActionScope ScopeOf<T>()
        where T : IAction<T>
        => T.Scope;
}
