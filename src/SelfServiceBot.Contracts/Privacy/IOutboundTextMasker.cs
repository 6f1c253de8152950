namespace SelfServiceBot.Contracts.Privacy;

/// <summary>
/// Masks card numbers, e-mail addresses, phone and ID numbers in customer text about to leave the machine (for a
/// generative model), with every kind on whatever <c>Privacy:Mask</c> says about what is stored. The data module
/// implements it with its personal-data masker; the AI module, which knows only Contracts, calls it.
/// </summary>
public interface IOutboundTextMasker
{
    string Mask(string text);
}
