namespace AiJukebox.Model;

/// <summary>The n-gram yardstick on the same validation targets.</summary>
/// <param name="Kind">"interpolated trigram".</param>
/// <param name="Perplexity">Its validation perplexity.</param>
/// <param name="TrigramWeight">Weight of the trigram estimate.</param>
/// <param name="BigramWeight">Weight of the bigram estimate.</param>
/// <param name="UnigramWeight">Weight of the add-one unigram estimate.</param>
public sealed record BaselineSummary(string Kind, double Perplexity, double TrigramWeight, double BigramWeight, double UnigramWeight);
