using System.Text;
using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.Generators.Tests.Infrastructure;

/// <summary>Short forms of the generated JSON calls for tests.</summary>
internal static class Json
{
    public static string Write<T>(T action)
        where T : IAction<T>
        => Encoding.UTF8.GetString(ActionJson.SerializeToUtf8Bytes(action));

    public static T Read<T>(string json)
        where T : IAction<T>
    {
        Assert.True(ActionJson.TryRead<T>(Encoding.UTF8.GetBytes(json), out var value, out var error), error?.Message);
        return value!;
    }

    public static ActionDataError Fail<T>(string json)
        where T : IAction<T>
        => Fail<T>(Encoding.UTF8.GetBytes(json));

    public static ActionDataError Fail<T>(byte[] utf8)
        where T : IAction<T>
    {
        Assert.False(ActionJson.TryRead<T>(utf8, out _, out var error));
        Assert.NotNull(error);
        return error!;
    }

    public static T RoundTrip<T>(T action)
        where T : IAction<T>
    {
        var json = Write(action);
        var back = Read<T>(json);
        Assert.Equal(json, Write(back));
        return back;
    }
}
