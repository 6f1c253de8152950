using SelfServiceBot.Data.Privacy;

namespace SelfServiceBot.Data.Tests.Privacy;

/// <summary>
/// Text leaving for a model: every kind the stored-text masker knows, plus phone numbers written the local way, while
/// order numbers, dates, prices and short numbers keep their digits (a hand-off summary must still name the order).
/// </summary>
public class OutboundTextMaskerTests
{
    private static readonly OutboundTextMasker Masker = new();

    [Theory]
    [InlineData("call me on 555-123-4567 please", "call me on •••-•••-4567 please")]
    [InlineData("call me on (555) 123-4567", "call me on (•••) •••-4567")]
    [InlineData("my number is 555.123.4567.", "my number is •••.•••.4567.")]
    [InlineData("电话 020-1234-5678", "电话 •••-••••-5678")]
    [InlineData("座机0755-12345678谢谢", "座机••••-••••5678谢谢")]
    [InlineData("ring 020 7946 0958 after six", "ring ••• •••• 0958 after six")]
    [InlineData("mobile 07700 900123", "mobile ••••• ••0123")]
    public void Local_format_phone_numbers_are_masked_but_the_last_four_digits(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Theory]
    [InlineData("where is order 4471902?")]
    [InlineData("order ORD-2026-000123 placed on 2026-12-07 at 14:30 for ¥1299.00")]
    [InlineData("tracking 1Z999AA10123456784")]
    [InlineData("I paid 12345 yuan, call 555-0100")]
    [InlineData("我的订单号是 20261207000123")]
    [InlineData("order 5551234567 was late")]
    [InlineData("reference H-7K3Q9, order CS-020-1234-5678")]
    [InlineData("delivered 05-12-2026, invoice 2026/555-123-4567")]
    public void Order_numbers_dates_prices_and_bare_digit_runs_keep_their_digits(string text) =>
        Assert.Equal(text, Masker.Mask(text));

    [Theory]
    [InlineData("card 4111 1111 1111 1111 and jane@example.com", "card •••• •••• •••• 1111 and j•••@•••.com")]
    [InlineData("call +44 20 7946 0958", "call +•• •• •••• 0958")]
    public void What_the_stored_text_masker_masks_is_masked_too(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));
}
