using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart.Hhmm;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;

namespace SelfServiceBot.Knowledge.Analysis;

/// <summary>
/// Joins the one-character Han tokens of StandardTokenizer back into runs (characters with nothing between them) and
/// replaces each run with its words as SmartCn's segmenter finds them, a hidden Markov model over the dictionaries
/// inside the Lucene.Net.Analysis.SmartCn assembly (<see cref="ChineseAnalysis.Words"/>), or passes the run's characters
/// on and adds its words of three characters or more after them (<see cref="ChineseAnalysis.WordsAndBigrams"/>: the
/// stop words and the CJK bigram filter then make of the characters exactly what <see cref="ChineseAnalysis.Bigrams"/>
/// does). Other tokens pass through. It runs before the stop words, so a particle still tells the segmenter where a
/// word ends.
/// </summary>
internal sealed class ChineseWordFilter : TokenFilter
{
    /// <summary>The type of the tokens made here: not &lt;IDEOGRAPHIC&gt;, so the CJK bigram filter leaves them alone.</summary>
    public const string TokenType = "<HAN_WORD>";

    private static readonly string Character = StandardTokenizer.TOKEN_TYPES[StandardTokenizer.IDEOGRAPHIC];

    private readonly HHMMSegmenter _segmenter = new();
    private readonly bool _withBigrams;
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly ITypeAttribute _type;
    private readonly Queue<(string Term, int Start, int End, int Increment, string Type)> _pending = new();
    private readonly StringBuilder _run = new();
    private readonly List<(int Start, int End)> _runOffsets = [];
    private State? _held;

    public ChineseWordFilter(TokenStream input, bool withBigrams) : base(input)
    {
        _withBigrams = withBigrams;
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending.Count > 0)
        {
            Emit(_pending.Dequeue());
            return true;
        }
        if (_held is not null)
        {
            RestoreState(_held);
            _held = null;
        }
        else if (!m_input.IncrementToken())
        {
            return false;
        }
        if (!IsHanCharacter())
        {
            return true;
        }
        var increment = _position.PositionIncrement;
        _run.Clear();
        _runOffsets.Clear();
        do
        {
            _run.Append(_term.Buffer[0]);
            _runOffsets.Add((_offset.StartOffset, _offset.EndOffset));
        }
        while (m_input.IncrementToken() && (IsHanCharacter() && _offset.StartOffset <= _runOffsets[^1].End || Hold()));
        Split(_run.ToString(), increment);
        Emit(_pending.Dequeue());
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
        _held = null;
    }

    private bool IsHanCharacter() => _term.Length == 1 && ScriptOf.IsHan(_term.Buffer[0]);

    // The token that ended the run is kept for the next call.
    private bool Hold()
    {
        _held = CaptureState();
        return false;
    }

    private void Split(string run, int increment)
    {
        var words = Segment(run);
        if (!_withBigrams)
        {
            foreach (var (start, end) in words)
            {
                Enqueue(run, start, end, increment);
                increment = 1;
            }
            return;
        }
        for (var i = 0; i < run.Length; i++)
        {
            Enqueue(run, i, i + 1, i == 0 ? increment : 1, Character);
        }
        // After the characters: a token of another type ends the bigram filter's run, and this is where it ends anyway.
        foreach (var (start, end) in words.Where(w => w.End - w.Start > 2))
        {
            Enqueue(run, start, end, 1);
        }
    }

    /// <summary>The words of a run as [start, end) ranges.</summary>
    private List<(int Start, int End)> Segment(string run)
    {
        // The first and last tokens mark the sentence's beginning and end (SmartCn's own WordSegmenter drops them too).
        var tokens = _segmenter.Process(run);
        var words = new List<(int, int)>(Math.Max(0, tokens.Count - 2));
        for (var i = 1; i < tokens.Count - 1; i++)
        {
            words.Add((tokens[i].StartOffset, tokens[i].EndOffset));
        }
        return words;
    }

    private void Enqueue(string run, int start, int end, int increment, string type = TokenType) =>
        _pending.Enqueue((run[start..end], _runOffsets[start].Start, _runOffsets[end - 1].End, increment, type));

    private void Emit((string Term, int Start, int End, int Increment, string Type) token)
    {
        ClearAttributes();
        _term.SetEmpty().Append(token.Term);
        _offset.SetOffset(token.Start, token.End);
        _position.PositionIncrement = token.Increment;
        _type.Type = token.Type;
    }
}
