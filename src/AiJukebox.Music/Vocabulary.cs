using System.Security.Cryptography;
using System.Text;

namespace AiJukebox.Music;

/// <summary>The token texts of a tokenizer, index = token id. Immutable.</summary>
public sealed class Vocabulary
{
    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _ids;

    /// <summary>Creates a vocabulary from token texts in id order.</summary>
    /// <exception cref="ArgumentException">A token text appears twice.</exception>
    public Vocabulary(IEnumerable<string> tokens)
    {
        _tokens = tokens.ToArray();
        _ids = new Dictionary<string, int>(_tokens.Length, StringComparer.Ordinal);
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (!_ids.TryAdd(_tokens[i], i))
            {
                throw new ArgumentException($"Token '{_tokens[i]}' appears twice in the vocabulary.", nameof(tokens));
            }
        }

        Hash = ComputeHash(_tokens);
    }

    /// <summary>Number of tokens.</summary>
    public int Count => _tokens.Length;

    /// <summary>Token texts in id order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    /// <summary>Hex SHA-256 of the token texts joined by newlines: what a model's weights are checked against.</summary>
    public string Hash { get; }

    /// <summary>The text of token <paramref name="id"/>.</summary>
    public string this[int id] => _tokens[id];

    /// <summary>The id of a token text, or -1 when it is not in the vocabulary.</summary>
    public int IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : -1;

    private static string ComputeHash(string[] tokens)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Join('\n', tokens));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
