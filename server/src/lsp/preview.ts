// gkreport/publish { uri, to } → the open report rendered as it will be published (../contract/protocol.ts):
//   to "preview": the document's markup with the findings of the check of its current version, from the
//                 cache (the check the diagnostics came from), so the preview and the Problems panel agree
//   to "html" / "docx": the exported web page or Word file of the current text (base64)
import { parseReport, publish } from '../core';
import { PUBLISH_REQUEST, type PublishParams, type PublishResult } from '../contract/protocol';
import { documentHtml, EXPORT_FORMATS, exportReport, type ExportFormat } from '../export';
import { guard, type ServerContext } from './context';
import { literal, object, string } from './params';

const PUBLISH_PARAMS = object({ uri: string, to: literal('preview', ...EXPORT_FORMATS) });

export function registerPreview(ctx: ServerContext): void {
  ctx.connection.onRequest(
    PUBLISH_REQUEST,
    guard(ctx, PUBLISH_REQUEST, PUBLISH_PARAMS, async (params: PublishParams): Promise<PublishResult> => {
      const document = ctx.document(params.uri);
      if (params.to === 'preview') {
        const analysis = await ctx.analyze(document);
        // A text that is not a report is shown as what it is: paragraphs, and tables if it has any.
        const model = analysis.isReport ? analysis.model : parseReport(analysis.text);
        const html = documentHtml(publish(model, analysis.findings), { marks: true, sources: true, locale: analysis.locale });
        return { uri: analysis.uri, version: analysis.version, html };
      }
      const version = document.version;
      const bytes = await exportReport(document.getText(), params.to as ExportFormat);
      return { uri: document.uri, version, data: Buffer.from(bytes).toString('base64') };
    }),
  );
}
