using System.Globalization;

using AiJukebox.Configuration;
using AiJukebox.Model;

namespace AiJukebox.Services;

/// <summary>
/// The models a player can pick without typing a path: every model card under the install's
/// <c>trained/</c> folder and the current folder's <c>runs/</c>, plus any other model folders
/// the caller knows of (the last training run, the current model).
/// </summary>
internal static class ModelCatalog
{
    /// <summary>Finds the models; unreadable cards are left out. Sorted by label ("name kind HxL [tokenizer] ppl P"; events, the default tokenizer, is not named).</summary>
    /// <param name="roots">Folders whose subfolders hold run folders (trained/, runs/).</param>
    /// <param name="models">Further model cards, run folders or weights files; missing ones are ignored.</param>
    public static IReadOnlyList<ModelCatalogEntry> Find(IEnumerable<string> roots, IEnumerable<string?> models)
    {
        var cards = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in roots.Where(Directory.Exists))
        {
            foreach (var folder in Directory.EnumerateDirectories(root))
            {
                Add(cards, Path.Combine(folder, Trainer.ModelCardFile));
            }
        }

        foreach (var model in models.OfType<string>())
        {
            // A run folder or a checkpoint stands for the card beside it.
            var folder = Directory.Exists(model) ? model : Path.GetDirectoryName(Path.GetFullPath(model))!;
            Add(cards, model.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? model : Path.Combine(folder, Trainer.ModelCardFile));
        }

        var entries = new List<ModelCatalogEntry>();
        foreach (var card in cards)
        {
            if (Describe(card) is { } label)
            {
                entries.Add(new ModelCatalogEntry(card, label));
            }
        }

        return [.. entries.OrderBy(e => e.Label, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The folders searched by default: the install's trained/ and the current folder's runs/.</summary>
    public static IEnumerable<string> DefaultRoots(JukeboxConfig config) =>
        [Path.Combine(config.Root, "trained"), Path.Combine(Environment.CurrentDirectory, "runs")];

    private static void Add(SortedSet<string> cards, string card)
    {
        if (File.Exists(card))
        {
            cards.Add(Path.GetFullPath(card));
        }
    }

    private static string? Describe(string cardPath)
    {
        try
        {
            var card = ModelCard.Load(cardPath);
            var name = Path.GetFileName(Path.GetDirectoryName(cardPath));
            var network = card.Network;
            var quality = card.ValidationPerplexity > 0 ? string.Create(CultureInfo.InvariantCulture, $" ppl {card.ValidationPerplexity:0.##}") : "";
            return $"{name} {network.Kind} {network.Shape}{(card.Tokenizer == "events" ? "" : " " + card.Tokenizer)}{quality}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException or ModelFileException)
        {
            return null;
        }
    }
}
