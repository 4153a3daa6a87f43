using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelTree.Fetch.Family;

/// <summary>
/// The output of a family walk and its journal. The output is JSON Lines, one record a line, each line
/// written whole and flushed before the next request; a line cut by a kill is removed on the next run.
/// The journal, <c>&lt;out&gt;.crawl</c> beside it, remembers each completed listing (so a resume does not
/// list again) and each model found gone (404). Neither file ever holds the token.
/// </summary>
internal sealed class CrawlFiles : IDisposable
{
    private readonly HashSet<string> _done = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Id, string Relation), List<string>> _listed = [];
    private readonly Dictionary<string, SkippedModel> _gone = new(StringComparer.OrdinalIgnoreCase);
    private readonly FileStream _output;
    private readonly FileStream _journal;

    private CrawlFiles(string outPath, FileStream output, FileStream journal)
    {
        OutPath = outPath;
        _output = output;
        _journal = journal;
    }

    public string OutPath { get; }

    public string JournalPath => JournalFor(OutPath);

    /// <summary>Records in the output.</summary>
    public int Count => _done.Count;

    /// <summary>True when this walk created the output (it did not exist before).</summary>
    public bool Created { get; private init; }

    /// <summary>True if the output ended in a half-written line, now removed.</summary>
    public bool RepairedLine { get; private set; }

    public static string JournalFor(string outPath) => outPath + ".crawl";

    /// <summary>Opens (or creates) the output and its journal for the walk from <paramref name="root"/>.</summary>
    /// <exception cref="ModelTreeException">The path is unusable, a line in the file is not a record, the journal is of another root, or another walk holds the files.</exception>
    public static CrawlFiles Open(string outPath, string root)
    {
        var folder = Path.GetDirectoryName(outPath)!;
        FileStream? output = null;
        FileStream? journal = null;
        try
        {
            Directory.CreateDirectory(folder);
            var created = !File.Exists(outPath);
            // The journal is held exclusively: a second walk into the same file stops here instead of interleaving lines.
            journal = new FileStream(JournalFor(outPath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            output = new FileStream(outPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            var files = new CrawlFiles(outPath, output, journal) { Created = created };
            files.ReadOutput();
            files.ReadJournal(root);
            return files;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            output?.Dispose();
            journal?.Dispose();
            var busy = e is IOException && File.Exists(JournalFor(outPath)) && e.Message.Contains("used by another process", StringComparison.OrdinalIgnoreCase);
            throw new ModelTreeException(busy
                ? $"fetch family: another fetch family is writing to '{outPath}'; wait for it to finish, or choose another --out."
                : $"fetch family: cannot write to '{folder}' ({e.Message.TrimEnd('.')}); choose another --out, or make the folder writable.", e);
        }
        catch
        {
            output?.Dispose();
            journal?.Dispose();
            throw;
        }
    }

    public bool Has(string id) => _done.Contains(id);

    /// <summary>The answer recorded for a model found gone (404) by an earlier run, or null.</summary>
    public SkippedModel? Gone(string id) => _gone.GetValueOrDefault(id);

    /// <summary>The children a completed listing found, or null when it has not been listed to the end.</summary>
    public IReadOnlyList<string>? Listed(string id, string relation) => _listed.GetValueOrDefault((id.ToLowerInvariant(), relation));

    /// <summary>Appends one record as one line, flushed to the operating system before this returns.</summary>
    public void Append(JsonObject record)
    {
        var line = Encoding.UTF8.GetBytes(record.ToJsonString(HubRecord.LineOptions) + "\n");
        _output.Write(line);
        _output.Flush();
        _done.Add((string)record["id"]!);
    }

    public void RecordListing(string id, string relation, IReadOnlyList<string> children)
    {
        _listed[(id.ToLowerInvariant(), relation)] = [.. children];
        Journal(new JsonObject { ["listed"] = id, ["relation"] = relation, ["children"] = new JsonArray([.. children.Select(c => (JsonNode)c)]) });
    }

    public void RecordGone(SkippedModel model)
    {
        _gone[model.Id] = model;
        Journal(new JsonObject { ["gone"] = model.Id, ["status"] = model.Status, ["reason"] = model.Reason });
    }

    private void Journal(JsonObject entry)
    {
        _journal.Write(Encoding.UTF8.GetBytes(entry.ToJsonString(HubRecord.LineOptions) + "\n"));
        _journal.Flush();
    }

    private void ReadOutput()
    {
        var lines = ReadLines(_output);
        for (var i = 0; i < lines.Count; i++)
        {
            var (text, start, ended) = lines[i];
            if (text.Trim().Length == 0)
            {
                continue;
            }
            string? id = null;
            try
            {
                id = JsonNode.Parse(text) is JsonObject o ? HubRecord.Text(o["id"]) : null;
            }
            catch (JsonException)
            {
            }
            if (id is not null)
            {
                if (!ended)
                {
                    // A whole record the run did not get to end with its newline: end it now.
                    _output.Seek(0, SeekOrigin.End);
                    _output.Write("\n"u8);
                    _output.Flush();
                }
                _done.Add(id);
                continue;
            }
            if (i == lines.Count - 1 && !ended)
            {
                _output.SetLength(start);
                _output.Flush();
                RepairedLine = true;
                continue;
            }
            throw new ModelTreeException(
                $"fetch family: '{OutPath}' line {i + 1} is not a model record (a JSON object with an \"id\"). It was not written by " +
                "fetch family, or it was edited: fix or remove that line, or choose another --out. Nothing was changed.");
        }
        _output.Seek(0, SeekOrigin.End);
    }

    private void ReadJournal(string root)
    {
        var lines = ReadLines(_journal);
        var good = 0L;
        foreach (var (text, start, ended) in lines)
        {
            JsonObject? entry = null;
            try
            {
                entry = ended ? JsonNode.Parse(text) as JsonObject : null;
            }
            catch (JsonException)
            {
            }
            if (entry is null)
            {
                // A journal line cut by a kill, or damaged: what follows it cannot be trusted either.
                break;
            }
            good = start + Encoding.UTF8.GetByteCount(text) + 1;
            if (HubRecord.Text(entry["root"]) is { } journalRoot && !string.Equals(journalRoot, root, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelTreeException(
                    $"fetch family: '{OutPath}' holds the family of {journalRoot}, not {root}; choose another --out for this family.");
            }
            if (HubRecord.Text(entry["listed"]) is { } id && HubRecord.Text(entry["relation"]) is { } relation && entry["children"] is JsonArray children)
            {
                _listed[(id.ToLowerInvariant(), relation)] = [.. children.Select(HubRecord.Text).OfType<string>()];
            }
            if (HubRecord.Text(entry["gone"]) is { } gone)
            {
                _gone[gone] = new SkippedModel(gone, (entry["status"] is JsonValue v && v.TryGetValue<int>(out var status) ? status : 404), HubRecord.Text(entry["reason"]) ?? "gone");
            }
        }
        _journal.SetLength(good);
        _journal.Seek(0, SeekOrigin.End);
        if (good == 0)
        {
            Journal(new JsonObject { ["root"] = root });
        }
    }

    /// <summary>The file's lines with their byte offsets and whether each ended with a newline.</summary>
    private static List<(string Text, long Start, bool Ended)> ReadLines(FileStream stream)
    {
        stream.Seek(0, SeekOrigin.Begin);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        var lines = new List<(string, long, bool)>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var ended = end >= 0;
            var stop = ended ? end : bytes.Length;
            lines.Add((Encoding.UTF8.GetString(bytes, start, stop - start), start, ended));
            start = stop + 1;
        }
        return lines;
    }

    /// <summary>Closes the files and, when this walk created them and wrote no record, removes them.</summary>
    public void DisposeAndRemoveIfEmpty()
    {
        Dispose();
        if (Created && _done.Count == 0)
        {
            File.Delete(OutPath);
            File.Delete(JournalPath);
        }
    }

    public void Dispose()
    {
        _output.Dispose();
        _journal.Dispose();
    }
}
