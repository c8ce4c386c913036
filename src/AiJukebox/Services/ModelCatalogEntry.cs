namespace AiJukebox.Services;

/// <summary>One pickable model: its card and a line describing it (name, network, tokenizer, perplexity).</summary>
internal sealed record ModelCatalogEntry(string CardPath, string Label);
