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

    /// A route needs customer permissions (the AskForPermissionsConsent card goes with it).
    static let permissionPrompt = LocalizedText(
        "{name} needs your permission to do that. I've sent a card to your Alexa app: open it to grant the permission, then ask me again.",
        translations: [
            "de":
                "{name} benötigt dafür deine Erlaubnis. Ich habe dir eine Karte in der Alexa-App geschickt. Öffne sie, um die Berechtigung zu erteilen, und frag mich dann noch einmal.",
            "fr":
                "{name} a besoin de votre autorisation pour cela. Je vous ai envoyé une carte dans l'application Alexa : ouvrez-la pour accorder l'autorisation, puis redemandez-moi.",
            "es":
                "{name} necesita tu permiso para hacer eso. Te he enviado una tarjeta a la aplicación Alexa: ábrela para conceder el permiso y vuelve a pedírmelo.",
            "it":
                "{name} ha bisogno della tua autorizzazione per farlo. Ti ho inviato una scheda nell'app Alexa: aprila per concedere l'autorizzazione, poi chiedimelo di nuovo.",
            "ja": "{name}でこの操作を行うには、許可が必要です。Alexaアプリにカードを送信しました。アプリを開いて許可してから、もう一度お試しください。",
            "pt":
                "{name} precisa da sua permissão para fazer isso. Enviei um cartão para o aplicativo Alexa: abra-o para conceder a permissão e depois peça de novo.",
            "hi": "यह करने के लिए {name} को आपकी अनुमति चाहिए। मैंने Alexa ऐप में एक कार्ड भेजा है: अनुमति देने के लिए उसे खोलें, फिर मुझसे दोबारा पूछें।",
        ])

    /// A route needs a recognised speaker and Alexa did not recognise the voice.
    static let personPrompt = LocalizedText(
        "Sorry, I don't recognize your voice, and {name} needs to know who is asking. Set up a voice profile in the Alexa app, then ask me again.",
        translations: [
            "de":
                "Entschuldigung, ich erkenne deine Stimme nicht, und {name} muss wissen, wer fragt. Richte in der Alexa-App ein Stimmprofil ein und frag mich dann noch einmal.",
            "fr":
                "Désolé, je ne reconnais pas votre voix, et {name} doit savoir qui demande. Créez un profil vocal dans l'application Alexa, puis redemandez-moi.",
            "es":
                "Lo siento, no reconozco tu voz y {name} necesita saber quién lo pide. Configura un perfil de voz en la aplicación Alexa y vuelve a pedírmelo.",
            "it":
                "Mi dispiace, non riconosco la tua voce e {name} deve sapere chi lo chiede. Configura un profilo vocale nell'app Alexa, poi chiedimelo di nuovo.",
            "ja": "申し訳ありません。声を認識できませんでした。{name}では誰が話しているかを知る必要があります。Alexaアプリで音声プロフィールを設定してから、もう一度お試しください。",
            "pt":
                "Desculpe, não reconheço sua voz, e {name} precisa saber quem está pedindo. Configure um perfil de voz no aplicativo Alexa e depois peça de novo.",
            "hi": "माफ़ कीजिए, मैं आपकी आवाज़ नहीं पहचान पाई, और {name} को जानना है कि कौन पूछ रहा है। Alexa ऐप में वॉइस प्रोफ़ाइल बनाएँ, फिर मुझसे दोबारा पूछें।",
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
    /// Replaces every occurrence of `target` (no Foundation needed), matching UTF-8 bytes.
    ///
    /// A plain byte scan: `firstRange(of:)` builds a searcher per call, and every skill's start-up
    /// substitutes the skill name into each message of each locale (about 1 ms of cold start).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        guard let first = pattern.first else { return self }
        let text = Array(utf8)
        guard text.count >= pattern.count else { return self }
        var result: [UInt8] = []
        var copied = 0
        var index = 0
        let last = text.count - pattern.count
        while index <= last {
            if text[index] == first && text[index..<(index + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: text[copied..<index])
                result.append(contentsOf: replacement.utf8)
                index += pattern.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return self }
        result.append(contentsOf: text[copied...])
        return String(decoding: result, as: UTF8.self)
    }
}
