using System.Globalization;
using SelfServiceBot.Knowledge.Ranking;

namespace SelfServiceBot.Web.Cli.Kb;

/// <summary>Ranking settings from the command line (<c>--bm-weight 0.4 --epochs 8 ...</c>), for tuning experiments.</summary>
internal static class RankingArguments
{
    public static RankingSettings Read(CliArguments args)
    {
        var settings = RankingSettings.Default;
        var classifier = settings.Classifier;
        settings = settings with
        {
            BmWeight = Double(args, "bm-weight") ?? settings.BmWeight,
            BodyWeight = Double(args, "body-weight") ?? settings.BodyWeight,
            AllQuestionsWeight = Double(args, "all-weight") ?? settings.AllQuestionsWeight,
            UnanswerableWeight = Double(args, "unanswerable-weight") ?? settings.UnanswerableWeight,
            DenseWeight = Double(args, "dense-weight") ?? settings.DenseWeight,
            DenseInputWeight = (float?)Double(args, "dense-input-weight") ?? settings.DenseInputWeight,
            DenseCandidates = args.Int("dense-candidates") ?? settings.DenseCandidates,
            Classifier = classifier with
            {
                Epochs = args.Int("epochs") ?? classifier.Epochs,
                LearningRate = (float?)Double(args, "learning-rate") ?? classifier.LearningRate,
                L2 = (float?)Double(args, "l2") ?? classifier.L2,
            },
        };
        return settings;
    }

    private static double? Double(CliArguments args, string name) =>
        args.Get(name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
        : throw new CliUsageException($"--{name} must be a number, not '{text}'");
}
