using CsCheck;
using Microsoft.Extensions.Options;
using SelfServiceBot.Data.Privacy;

namespace SelfServiceBot.Data.Tests.Privacy;

public class PersonalDataMaskerTests
{
    private static readonly PersonalDataMasker Masker = PersonalDataMasker.Default;

    // n-1 random digits (the first not 0) and the digit that makes them pass the Luhn check.
    private static readonly Gen<string> LuhnValid = Gen.Int[13, 19].SelectMany(n => Gen.Int[1, 9].Select(Gen.Int[0, 9].Array[n - 2], (first, rest) =>
    {
        var body = first + string.Concat(rest);
        return body + Enumerable.Range(0, 10).Select(d => d.ToString()).First(d => Luhn.IsValid(body + d));
    }));

    [Fact]
    public void Every_Luhn_valid_card_number_in_a_sentence_is_masked_but_its_last_four_digits()
    {
        LuhnValid.Select(Gen.Bool).Sample((digits, grouped) =>
        {
            var card = grouped ? string.Join(' ', digits.Chunk(4).Select(c => new string(c))) : digits;
            var masked = Masker.Mask($"my card {card} was charged twice");

            Assert.DoesNotContain(card, masked);
            Assert.Equal($"my card {card} was charged twice".Length, masked.Length);
            Assert.StartsWith("my card ", masked);
            Assert.EndsWith(" was charged twice", masked);
            Assert.Equal(digits[^4..], string.Concat(masked.Where(char.IsAsciiDigit)));
        });
    }

    [Fact]
    public void Numbers_that_fail_the_Luhn_check_are_left_as_typed()
    {
        LuhnValid.Where(d => d.Length != 18).Select(Gen.Int[1, 9]).Sample((digits, shift) =>
        {
            var wrong = digits[..^1] + (char)('0' + (digits[^1] - '0' + shift) % 10);
            var text = $"order {wrong} has not arrived";
            Assert.Equal(text, Masker.Mask(text));
        });
    }

    [Fact]
    public void Chinese_ID_numbers_with_a_right_check_character_are_masked_and_with_a_wrong_one_left()
    {
        Gen.Int[1, 9].Select(Gen.Int[0, 9].Array[16], Gen.Int[1, 10]).Sample((first, rest, shift) =>
        {
            var body = first + string.Concat(rest);
            var check = ChineseId.CheckCharacter(body);
            var valid = body + check;
            var wrongCheck = "10X98765432"[("10X98765432".IndexOf(check) + shift) % 11];
            var invalid = body + wrongCheck;

            var masked = Masker.Mask($"身份证号{valid}，谢谢");
            Assert.DoesNotContain(valid, masked);
            Assert.EndsWith(valid[^4..] + "，谢谢", masked);
            // Unless its digits happen to pass as a card number (which is then masked as one).
            if (!Luhn.IsValid(invalid.TrimEnd('X')))
            {
                Assert.Equal($"身份证号{invalid}，谢谢", Masker.Mask($"身份证号{invalid}，谢谢"));
            }
        });
    }

    [Theory]
    [InlineData("write to jane.doe+shop@example.co.uk please", "write to j•••@•••.uk please")]
    [InlineData("邮箱是 wang_li@qq.com", "邮箱是 w•••@•••.com")]
    [InlineData("call me on +44 20 7946 0958", "call me on +•• •• •••• 0958")]
    [InlineData("my number is +86 138 1234 5678.", "my number is +•• ••• •••• 5678.")]
    [InlineData("手机13812345678", "手机•••••••5678")]
    [InlineData("手机 138-1234-5678 谢谢", "手机 •••-••••-5678 谢谢")]
    [InlineData("card 4111-1111-1111-1111 exp 12/28", "card ••••-••••-••••-1111 exp 12/28")]
    public void E_mail_addresses_phone_numbers_and_cards_are_masked(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Theory]
    [InlineData("where is order 4471902?")]
    [InlineData("order ORD-2026-000123 placed on 2026-12-07 at 14:30 for ¥1299.00")]
    [InlineData("tracking 1Z999AA10123456784")]
    [InlineData("I paid 12345 yuan, call 555-0100")]
    [InlineData("我的订单号是 20261207000123")]
    public void Order_numbers_dates_prices_and_ordinary_numbers_are_left_as_typed(string text) =>
        Assert.Equal(text, Masker.Mask(text));

    [Theory]
    [InlineData("Cards", "4111 1111 1111 1111")]
    [InlineData("Emails", "jane@example.com")]
    [InlineData("Phones", "+44 20 7946 0958")]
    [InlineData("ChineseIds", "11010519491231002X")]
    public void Each_kind_can_be_turned_off_on_its_own(string kind, string value)
    {
        var mask = new MaskOptions();
        typeof(MaskOptions).GetProperty(kind)!.SetValue(mask, false);
        var masker = new PersonalDataMasker(Options.Create(new PrivacyOptions { Mask = mask }));

        Assert.Equal($"it is {value}", masker.Mask($"it is {value}"));
        Assert.NotEqual($"it is {value}", Masker.Mask($"it is {value}"));
    }
}
