using System.Text;

namespace ModelTree.Sample;

/// <summary>
/// Every generated id, kept as UTF-8 in one growing buffer (about 45 bytes a model instead of a
/// string object each), with a set of 64-bit hashes to keep ids unique.
/// </summary>
internal sealed class IdStore
{
    private byte[] _bytes = new byte[1 << 16];
    private int _used;
    private readonly List<int> _offsets = [0];
    private readonly HashSet<ulong> _hashes = [];

    public int Count => _offsets.Count - 1;

    public string this[int index] => Encoding.UTF8.GetString(_bytes, _offsets[index], _offsets[index + 1] - _offsets[index]);

    /// <summary>True if the id is taken (by a row or a reserved external id).</summary>
    public bool Contains(string id) => _hashes.Contains(Hash(id));

    /// <summary>Reserves an id that is not a row (external bases), so no row takes it.</summary>
    public void Reserve(string id) => _hashes.Add(Hash(id));

    /// <summary>Adds the id of the next row; the caller made it unique with <see cref="Contains"/>.</summary>
    public void Add(string id)
    {
        _hashes.Add(Hash(id));
        var needed = Encoding.UTF8.GetByteCount(id);
        if (_used + needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + needed));
        }
        _used += Encoding.UTF8.GetBytes(id, 0, id.Length, _bytes, _used);
        _offsets.Add(_used);
    }

    /// <summary>The name part of an id, after <c>author/</c>.</summary>
    public static string ShortName(string id) => id[(id.IndexOf('/') + 1)..];

    /// <summary>FNV-1a, 64 bits, over the id's characters: stable across runs and runtimes.</summary>
    public static ulong Hash(string id)
    {
        var h = 14695981039346656037UL;
        foreach (var c in id)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return h;
    }
}
