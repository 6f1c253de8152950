using SelfServiceBot.Contracts.Privacy;

namespace SelfServiceBot.Data.Privacy;

/// <summary>
/// The masker for text leaving the machine: every kind on, whatever <c>Privacy:Mask</c> says, because turning a kind off
/// for what is stored must not send it to a model service.
/// </summary>
internal sealed class OutboundTextMasker : IOutboundTextMasker
{
    public string Mask(string text) => PersonalDataMasker.Default.Mask(text);
}
