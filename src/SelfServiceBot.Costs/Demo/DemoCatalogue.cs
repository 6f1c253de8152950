namespace SelfServiceBot.Costs.Demo;

/// <summary>The sample shop's categories and articles (as in knowledgebase/), with how often each comes up and how hard it is.</summary>
internal static class DemoCatalogue
{
    public sealed record Category(string Name, double Weight, double EscalationShare, string[] Articles, string[] QuestionsEn, string[] QuestionsZh);

    public static readonly Category[] Categories =
    [
        new("orders", 0.30, 0.12, ["track-order", "cancel-order"],
            ["Where is my order?", "Can I cancel my order?", "My order shows delivered but I don't have it", "Change the address of my order"],
            ["我的订单在哪里？", "可以取消订单吗？", "订单显示已送达但我没收到"]),
        new("shipping", 0.18, 0.10, ["delivery-times"],
            ["How long does delivery take?", "Do you ship to Canada?", "Express delivery cost"],
            ["配送需要多久？", "可以寄到香港吗？"]),
        new("returns", 0.20, 0.22, ["return-item", "refund-status", "warranty"],
            ["How do I return an item?", "When will I get my refund?", "My blender broke after 3 months", "Return without receipt"],
            ["怎么退货？", "退款什么时候到账？", "产品坏了可以保修吗？"]),
        new("payment", 0.16, 0.35, ["payment-methods", "invoice"],
            ["I was charged twice", "Which payment methods do you accept?", "I need a VAT invoice", "Payment failed but money was taken"],
            ["被扣了两次款", "支持哪些付款方式？", "我需要发票"]),
        new("account", 0.11, 0.30, ["change-password"],
            ["I can't log in", "How do I change my password?", "Delete my account", "My account is locked"],
            ["无法登录", "怎么修改密码？", "账户被锁定了"]),
        new("store", 0.05, 0.05, ["store-hours"],
            ["When are you open on Sunday?", "Store opening hours"],
            ["周日营业吗？", "门店营业时间"]),
    ];

    public static readonly (string Channel, double Weight)[] BotChannels = [("webchat", 0.6), ("msteams", 0.3), ("directline", 0.1)];
    public static readonly (string Channel, double Weight)[] HumanChannels = [("phone", 0.7), ("email", 0.3)];
    public static readonly (string Reason, double Weight)[] EscalationReasons =
        [("explicit_request", 0.5), ("low_confidence", 0.3), ("negative_feedback", 0.15), ("policy", 0.05)];
}
