extension DefaultMessages {
    /// The persistence store is down, or a save kept conflicting: try later (no link card).
    static let persistenceUnavailable = LocalizedText(
        "Sorry, {name} can't reach your saved information right now. Please try again in a little while.",
        translations: [
            "de": "Entschuldigung, {name} kann gerade nicht auf deine gespeicherten Daten zugreifen. Bitte versuche es später noch einmal.",
            "fr":
                "Désolé, {name} ne parvient pas à accéder à vos informations enregistrées pour le moment. Veuillez réessayer un peu plus tard.",
            "es": "Lo siento, {name} no puede acceder a tu información guardada en este momento. Inténtalo de nuevo más tarde.",
            "it": "Mi dispiace, {name} non riesce ad accedere alle tue informazioni salvate in questo momento. Riprova tra poco.",
            "ja": "申し訳ありません。現在{name}は保存された情報にアクセスできません。しばらくしてからもう一度お試しください。",
            "pt": "Desculpe, {name} não consegue acessar suas informações salvas agora. Tente novamente daqui a pouco.",
            "hi": "माफ़ कीजिए, {name} अभी आपकी सहेजी गई जानकारी तक नहीं पहुँच पा रहा है। कृपया थोड़ी देर बाद फिर से कोशिश करें।",
        ])
}
