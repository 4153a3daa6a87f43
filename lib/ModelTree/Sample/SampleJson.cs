using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ModelTree.Sample;

/// <summary>
/// JSON text the generator writes into a row (a card, a config), as the Hub stores it: non-ASCII and HTML-sensitive
/// characters as they are (relaxed escaping). One buffer, cleared for each text.
/// </summary>
internal sealed class SampleJson(int capacity)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new(capacity);

    /// <summary>Starts a new text: write it with the writer returned, dispose that writer, then read <see cref="Text"/>.</summary>
    public Utf8JsonWriter Start()
    {
        _buffer.Clear();
        return new Utf8JsonWriter(_buffer, Options);
    }

    /// <summary>The text written since <see cref="Start"/>.</summary>
    public string Text() => Encoding.UTF8.GetString(_buffer.WrittenSpan);
}
