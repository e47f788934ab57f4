using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Benchmarks.Actions;

namespace LiveTemplate.Typed.Benchmarks.Serialization;

/// <summary>
/// Our generated JSON code against the System.Text.Json source generator and reflection-based JsonSerializer, on the
/// same record: to a new byte array (what a typed publish needs), into a reused writer, and back from UTF-8 bytes.
/// </summary>
public class SerializationBenchmarks<TAction>
    where TAction : class, IAction<TAction>
{
    private static readonly JsonSerializerOptions ReflectionOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private TAction _value = default!;
    private JsonTypeInfo<TAction> _sourceGenerated = default!;
    private byte[] _json = [];
    private Utf8JsonWriter _writer = default!;

    [GlobalSetup]
    public void Setup()
    {
        _value = (TAction)(object)(typeof(TAction) == typeof(CartUpdated) ? ShapeSamples.Small
            : typeof(TAction) == typeof(CardMoved) ? ShapeSamples.Medium
            : ShapeSamples.Large);
        _sourceGenerated = (JsonTypeInfo<TAction>)ShapesJsonContext.Default.GetTypeInfo(typeof(TAction))!;
        _json = ActionJson.SerializeToUtf8Bytes(_value);
        _writer = new Utf8JsonWriter(_buffer);

        // The three must agree, or the comparison is meaningless.
        var stj = JsonSerializer.SerializeToUtf8Bytes(_value, _sourceGenerated);
        var reflection = JsonSerializer.SerializeToUtf8Bytes(_value, ReflectionOptions);
        if (!stj.AsSpan().SequenceEqual(_json) || !reflection.AsSpan().SequenceEqual(_json))
        {
            throw new InvalidOperationException($"{typeof(TAction).Name}: the serializers disagree:\n{System.Text.Encoding.UTF8.GetString(_json)}\n{System.Text.Encoding.UTF8.GetString(stj)}");
        }
    }

    [Benchmark, BenchmarkCategory("ToBytes")]
    public byte[] ToBytes_Generated() => ActionJson.SerializeToUtf8Bytes(_value);

    [Benchmark, BenchmarkCategory("ToBytes")]
    public byte[] ToBytes_StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_value, _sourceGenerated);

    [Benchmark, BenchmarkCategory("ToBytes")]
    public byte[] ToBytes_StjReflection() => JsonSerializer.SerializeToUtf8Bytes(_value, ReflectionOptions);

    [Benchmark, BenchmarkCategory("ToWriter")]
    public int ToWriter_Generated()
    {
        Rewind();
        ActionJson.Write(_writer, _value);
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    [Benchmark, BenchmarkCategory("ToWriter")]
    public int ToWriter_StjSourceGen()
    {
        Rewind();
        JsonSerializer.Serialize(_writer, _value, _sourceGenerated);
        return _buffer.WrittenCount;
    }

    [Benchmark, BenchmarkCategory("ToWriter")]
    public int ToWriter_StjReflection()
    {
        Rewind();
        JsonSerializer.Serialize(_writer, _value, ReflectionOptions);
        return _buffer.WrittenCount;
    }

    [Benchmark, BenchmarkCategory("Read")]
    public TAction Read_Generated() => ActionJson.TryRead<TAction>(_json, out var value, out var error) ? value : throw new InvalidOperationException(error.ToString());

    [Benchmark, BenchmarkCategory("Read")]
    public TAction Read_StjSourceGen() => JsonSerializer.Deserialize(_json, _sourceGenerated)!;

    [Benchmark, BenchmarkCategory("Read")]
    public TAction Read_StjReflection() => JsonSerializer.Deserialize<TAction>(_json, ReflectionOptions)!;

    private void Rewind()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
    }
}
