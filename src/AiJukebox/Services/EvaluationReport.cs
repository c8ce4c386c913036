using AiJukebox.Model;
using AiJukebox.Music.Evaluation;

namespace AiJukebox.Services;

/// <summary>Everything <c>aijukebox evaluate</c> measured.</summary>
/// <param name="ModelName">The model's folder name.</param>
/// <param name="Network">The network's kind and sizes.</param>
/// <param name="Tokenizer">The tokenizer's name.</param>
/// <param name="Request">What was asked.</param>
/// <param name="ValidationPieces">Indices of the validation pieces in the notes file.</param>
/// <param name="ModelPerplexity">The network's validation perplexity, measured now.</param>
/// <param name="CardPerplexity">The model card's value, for comparison.</param>
/// <param name="Baseline">The trigram's validation perplexity and weights, measured now.</param>
/// <param name="CardBaseline">The model card's baseline, for comparison.</param>
/// <param name="Corpus">Statistics of the validation pieces.</param>
/// <param name="ModelTakes">Statistics of the network's takes.</param>
/// <param name="BaselineTakes">Statistics of the trigram's takes (with --baseline).</param>
/// <param name="ModelKeys">The network's key-following test.</param>
/// <param name="BaselineKeys">The trigram's key-following test (with --baseline).</param>
internal sealed record EvaluationReport(
    string ModelName,
    NetworkOptions Network,
    string Tokenizer,
    EvaluationRequest Request,
    IReadOnlyList<int> ValidationPieces,
    double ModelPerplexity,
    double CardPerplexity,
    BaselineSummary Baseline,
    BaselineSummary CardBaseline,
    SetStatistics Corpus,
    SetStatistics ModelTakes,
    SetStatistics? BaselineTakes,
    KeyFollowingResult ModelKeys,
    KeyFollowingResult? BaselineKeys);
