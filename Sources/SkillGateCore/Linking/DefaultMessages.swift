/// SkillGate's built-in replies in English, German, French, Spanish, Italian, Japanese,
/// Portuguese (Brazil) and Hindi. `{name}` is replaced by the skill's name. en-US is the fallback.
enum DefaultMessages {
    /// Explains why linking helps and points to the Alexa app (the LinkAccount card goes with it).
    static let linkPrompt = LocalizedText(
        "{name} needs your {name} account to do that, so it can act for you. I've sent a card to your Alexa app: open it to link your {name} account, then ask me again.",
        translations: [
            "de":
                "Damit {name} das für dich erledigen kann, musst du dein {name}-Konto verknüpfen. Ich habe dir dazu eine Karte in der Alexa-App geschickt. Öffne sie, um dein Konto zu verknüpfen, und frag mich dann noch einmal.",
            "fr":
                "Pour que {name} puisse faire cela pour vous, vous devez associer votre compte {name}. Je vous ai envoyé une carte dans l'application Alexa : ouvrez-la pour associer votre compte, puis redemandez-moi.",
            "es":
                "Para que {name} pueda hacer eso por ti, necesitas vincular tu cuenta de {name}. Te he enviado una tarjeta a la aplicación Alexa: ábrela para vincular tu cuenta y vuelve a pedírmelo.",
            "it":
                "Per permettere a {name} di farlo per te, devi collegare il tuo account {name}. Ti ho inviato una scheda nell'app Alexa: aprila per collegare il tuo account, poi chiedimelo di nuovo.",
            "ja": "{name}でこの操作を行うには、{name}のアカウントをリンクする必要があります。Alexaアプリにカードを送信しました。アプリを開いてアカウントをリンクしてから、もう一度お試しください。",
            "pt":
                "Para que {name} possa fazer isso por você, é preciso vincular sua conta {name}. Enviei um cartão para o aplicativo Alexa: abra-o para vincular sua conta e depois peça de novo.",
            "hi": "यह काम करने के लिए {name} को आपका {name} खाता लिंक करना होगा। मैंने Alexa ऐप में एक कार्ड भेजा है: अपना खाता लिंक करने के लिए उसे खोलें, फिर मुझसे दोबारा पूछें।",
        ])

    /// The authorization or resource server is down: try later, and no link card.
    static let serviceUnavailable = LocalizedText(
        "Sorry, {name} can't reach your account right now. Please try again in a little while.",
        translations: [
            "de": "Entschuldigung, {name} kann dein Konto gerade nicht erreichen. Bitte versuche es später noch einmal.",
            "fr": "Désolé, {name} ne parvient pas à accéder à votre compte pour le moment. Veuillez réessayer un peu plus tard.",
            "es": "Lo siento, {name} no puede acceder a tu cuenta en este momento. Inténtalo de nuevo más tarde.",
            "it": "Mi dispiace, {name} non riesce a raggiungere il tuo account in questo momento. Riprova tra poco.",
            "ja": "申し訳ありません。現在{name}はアカウントに接続できません。しばらくしてからもう一度お試しください。",
            "pt": "Desculpe, {name} não consegue acessar sua conta agora. Tente novamente daqui a pouco.",
            "hi": "माफ़ कीजिए, {name} अभी आपके खाते तक नहीं पहुँच पा रहा है। कृपया थोड़ी देर बाद फिर से कोशिश करें।",
        ])

    /// A handler failed.
    static let error = LocalizedText(
        "Sorry, something went wrong. Please try again later.",
        translations: [
            "de": "Entschuldigung, da ist etwas schiefgelaufen. Bitte versuche es später noch einmal.",
            "fr": "Désolé, un problème est survenu. Veuillez réessayer plus tard.",
            "es": "Lo siento, algo salió mal. Inténtalo de nuevo más tarde.",
            "it": "Mi dispiace, qualcosa è andato storto. Riprova più tardi.",
            "ja": "申し訳ありません。問題が発生しました。後でもう一度お試しください。",
            "pt": "Desculpe, algo deu errado. Tente novamente mais tarde.",
            "hi": "माफ़ कीजिए, कुछ गड़बड़ हो गई। कृपया बाद में फिर से कोशिश करें।",
        ])

    /// An intent with no route and no declared Fallback.
    static let fallback = LocalizedText(
        "Sorry, {name} can't help with that. You can say help to hear what I can do.",
        translations: [
            "de": "Entschuldigung, dabei kann {name} nicht helfen. Sag Hilfe, um zu hören, was ich kann.",
            "fr": "Désolé, {name} ne peut pas vous aider pour cela. Dites aide pour savoir ce que je peux faire.",
            "es": "Lo siento, {name} no puede ayudarte con eso. Di ayuda para saber qué puedo hacer.",
            "it": "Mi dispiace, {name} non può aiutarti con questo. Di' aiuto per sapere cosa posso fare.",
            "ja": "申し訳ありません。{name}ではそれにお応えできません。ヘルプと言うと、できることをご案内します。",
            "pt": "Desculpe, {name} não pode ajudar com isso. Diga ajuda para saber o que eu posso fazer.",
            "hi": "माफ़ कीजिए, {name} इसमें मदद नहीं कर सकता। मैं क्या कर सकता हूँ, यह जानने के लिए मदद कहें।",
        ])

    /// A LaunchRequest with no Launch route.
    static let welcome = LocalizedText(
        "Welcome to {name}. What would you like to do?",
        translations: [
            "de": "Willkommen bei {name}. Was möchtest du tun?",
            "fr": "Bienvenue sur {name}. Que voulez-vous faire ?",
            "es": "Te damos la bienvenida a {name}. ¿Qué quieres hacer?",
            "it": "Benvenuto in {name}. Cosa vuoi fare?",
            "ja": "{name}へようこそ。何をしますか？",
            "pt": "Boas-vindas ao {name}. O que você gostaria de fazer?",
            "hi": "{name} में आपका स्वागत है। आप क्या करना चाहेंगे?",
        ])
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var remainder = self[...]
        while let range = remainder.firstRange(of: target) {
            result += remainder[..<range.lowerBound]
            result += replacement
            remainder = remainder[range.upperBound...]
        }
        result += remainder
        return result
    }
}
