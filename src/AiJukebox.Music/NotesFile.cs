using System.Text.Json;

namespace AiJukebox.Music;

/// <summary>
/// The tokenized corpus: what training reads, what seeds generation and what weights are
/// checked against. Serialized as JSON with a fixed layout, so the same content always gives
/// the same bytes.
/// </summary>
public sealed class NotesFile
{
    /// <summary>The value of the "format" field.</summary>
    public const string FormatName = "aijukebox-notes";

    /// <summary>The format version this code writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Creates a notes file from its parts.</summary>
    public NotesFile(string tokenizer, IReadOnlyDictionary<string, string> settings, Vocabulary vocabulary, IReadOnlyList<NotesFilePiece> pieces)
    {
        Tokenizer = tokenizer;
        Settings = new SortedDictionary<string, string>(settings.ToDictionary(), StringComparer.Ordinal);
        Vocabulary = vocabulary;
        Pieces = pieces;
    }

    /// <summary>Tokenizer name ("events", "remi" or "chords").</summary>
    public string Tokenizer { get; }

    /// <summary>Tokenizer settings, sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The vocabulary the token ids index.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>The pieces, in the order written.</summary>
    public IReadOnlyList<NotesFilePiece> Pieces { get; }

    /// <summary>Total number of tokens over all pieces.</summary>
    public long TokenCount => Pieces.Sum(p => (long)p.Tokens.Length);

    /// <summary>Writes the file atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, Write);

    /// <summary>Serializes to a stream.</summary>
    public void Write(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", FormatName);
        json.WriteNumber("version", FormatVersion);
        json.WriteStartObject("tokenizer");
        json.WriteString("name", Tokenizer);
        json.WriteStartObject("settings");
        foreach (var (key, value) in Settings)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("vocabularyHash", Vocabulary.Hash);
        json.WriteStartArray("vocabulary");
        foreach (var token in Vocabulary.Tokens)
        {
            json.WriteStringValue(token);
        }

        json.WriteEndArray();
        json.WriteStartArray("pieces");
        foreach (var piece in Pieces)
        {
            json.WriteStartObject();
            json.WriteString("path", piece.Path);
            json.WriteString("sha256", piece.Sha256);
            json.WritePropertyName("tokens");
            // One line per piece keeps the file readable and diffable without a line per token.
            json.WriteRawValue("[" + string.Join(',', piece.Tokens) + "]", skipInputValidation: true);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads and validates a notes file.</summary>
    /// <exception cref="NotesFileException">The file is missing, not a notes file, of another version, or inconsistent.</exception>
    public static NotesFile Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotesFileException($"{path}: cannot read the notes file ({e.Message}); check the path or run 'aijukebox import' to create it.", e);
        }
    }

    /// <summary>Reads and validates a notes file from a stream; <paramref name="name"/> is used in error messages.</summary>
    /// <exception cref="NotesFileException">The content is not a valid notes file.</exception>
    public static NotesFile Read(Stream stream, string name)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new NotesFileException($"{name}: not a notes file (invalid JSON: {e.Message}); run 'aijukebox import' to create one.", e);
        }

        using (document)
        {
            try
            {
                return FromJson(document.RootElement, name);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
            {
                throw new NotesFileException($"{name}: not a valid notes file ({e.Message}); re-create it with 'aijukebox import'.", e);
            }
        }
    }

    private static NotesFile FromJson(JsonElement root, string name)
    {
        var format = root.GetProperty("format").GetString();
        if (format != FormatName)
        {
            throw new NotesFileException($"{name}: not a notes file (format '{format}', expected '{FormatName}'); run 'aijukebox import' to create one.");
        }

        var version = root.GetProperty("version").GetInt32();
        if (version != FormatVersion)
        {
            throw new NotesFileException($"{name}: notes file version {version} is not supported (this program reads version {FormatVersion}); re-import the MIDI files.");
        }

        var tokenizer = root.GetProperty("tokenizer");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var setting in tokenizer.GetProperty("settings").EnumerateObject())
        {
            settings[setting.Name] = setting.Value.GetString() ?? "";
        }

        var vocabulary = new Vocabulary(root.GetProperty("vocabulary").EnumerateArray().Select(t => t.GetString() ?? ""));
        if (root.TryGetProperty("vocabularyHash", out var hash) && hash.GetString() != vocabulary.Hash)
        {
            throw new NotesFileException($"{name}: the vocabulary does not match its hash (the file was edited or damaged); re-create it with 'aijukebox import'.");
        }

        var pieces = new List<NotesFilePiece>();
        foreach (var piece in root.GetProperty("pieces").EnumerateArray())
        {
            var path = piece.GetProperty("path").GetString() ?? "";
            var tokensElement = piece.GetProperty("tokens");
            var tokens = new int[tokensElement.GetArrayLength()];
            var i = 0;
            foreach (var token in tokensElement.EnumerateArray())
            {
                var id = token.GetInt32();
                if ((uint)id >= (uint)vocabulary.Count)
                {
                    throw new NotesFileException($"{name}: piece '{path}' has token id {id} outside the vocabulary of {vocabulary.Count}; re-create the file with 'aijukebox import'.");
                }

                tokens[i++] = id;
            }

            pieces.Add(new NotesFilePiece(path, piece.GetProperty("sha256").GetString() ?? "", tokens));
        }

        return new NotesFile(tokenizer.GetProperty("name").GetString() ?? "", settings, vocabulary, pieces);
    }
}
