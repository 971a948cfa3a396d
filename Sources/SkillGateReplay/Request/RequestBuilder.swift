package import SkillGateModel

/// Builds request envelopes from the templates in `Templates/requests/`, reading each template once.
package final class RequestBuilder {
    /// The Templates folder.
    package let templatesDirectory: String
    private var templates: [String: JSONValue] = [:]

    /// Creates a builder.
    /// - Parameter templatesDirectory: a folder found by ``TemplateLocator``.
    package init(templatesDirectory: String) {
        self.templatesDirectory = templatesDirectory
    }

    /// The envelope for a request.
    /// - Parameter spec: what to build.
    /// - Returns: the envelope, checked to decode as a ``RequestEnvelope``.
    /// - Throws: ``CLIError`` `.io` when the template is missing, unparsable or makes an invalid request.
    package func envelope(for spec: RequestSpec) throws(CLIError) -> JSONValue {
        let path = templatesDirectory + "/requests/" + spec.kind.templateName
        let template: JSONValue
        if let cached = templates[path] {
            template = cached
        } else {
            template = try FileSystem.readJSON(path)
            templates[path] = template
        }
        let envelope = spec.applyingContext(to: try TemplateRenderer(fills: spec.fills).render(template, source: path))
        do {
            _ = try RequestEnvelope(json: envelope)
        } catch {
            throw .io("the template \(path) does not make a valid request envelope: \(error)")
        }
        return envelope
    }
}
