namespace AiJukebox.Ui;

/// <summary>The Generate screen's values, checked.</summary>
internal sealed record GenerateForm(string Output, int Length, double Temperature, int TopK, double TopP, ulong? Seed, string Primer, double Tempo);
