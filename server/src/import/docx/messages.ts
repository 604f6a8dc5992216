// The one sentence (Chinese and English) the user sees when a file cannot be read as a .docx.
import type { ImportText } from '../common/document';

const mb = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;

export const MSG = {
  legacyDoc: {
    'zh-cn': '这是旧版 Word（.doc）或 WPS（.wps）文件，请在 Word 或 WPS 中“另存为” .docx 后再检查。',
    en: 'This is a legacy Word (.doc) or WPS (.wps) file; open it in Word or WPS, use "Save As" to save it as .docx, and check that file.',
  },
  encrypted: {
    'zh-cn': '这个 Word 文件设有打开密码（已加密），无法读取；请在 Word 或 WPS 中取消密码后另存为 .docx 再检查。',
    en: 'This Word file is password-protected (encrypted) and cannot be read; remove the password in Word or WPS, save it as .docx, and check that file.',
  },
  otherOle: {
    'zh-cn': '这是旧版 Office 二进制文件，不是 Word 文档（.docx）；请在 Word 或 WPS 中打开报告并“另存为” .docx 后再检查。',
    en: 'This is a legacy binary Office file, not a Word document (.docx); open the report in Word or WPS, save it as .docx, and check that file.',
  },
  corrupt: {
    'zh-cn': '这个 .docx 文件已损坏（压缩包无法正确解压），未予读取；请在 Word 或 WPS 中打开并重新“另存为” .docx 后再检查。',
    en: 'This .docx file is damaged (its zip package does not unpack correctly) and was not read; open it in Word or WPS, save it again as .docx, and check that file.',
  },
  noDocument: {
    'zh-cn': '这个压缩文件中没有 Word 正文（word/document.xml），不是 Word 文档；请选择报告的 .docx 文件。',
    en: 'This zip file has no Word body (word/document.xml), so it is not a Word document; choose the report\'s .docx file.',
  },
  excel: {
    'zh-cn': '这是 Excel 工作簿，不是 Word 文档；请选择报告的 .docx 文件。',
    en: 'This is an Excel workbook, not a Word document; choose the report\'s .docx file.',
  },
  powerpoint: {
    'zh-cn': '这是 PowerPoint 演示文稿，不是 Word 文档；请选择报告的 .docx 文件。',
    en: 'This is a PowerPoint presentation, not a Word document; choose the report\'s .docx file.',
  },
  odf: {
    'zh-cn': '这是 OpenDocument（.odt 等）文件，不是 .docx；请在 WPS、Word 或 LibreOffice 中“另存为” .docx 后再检查。',
    en: 'This is an OpenDocument (.odt etc.) file, not a .docx; save it as .docx in WPS, Word or LibreOffice, and check that file.',
  },
  pdf: {
    'zh-cn': '这是 PDF 文件，不是 Word 文档（.docx）；请按 PDF 文件打开检查，或选择报告的 .docx 文件。',
    en: 'This is a PDF file, not a Word document (.docx); check it as a PDF, or choose the report\'s .docx file.',
  },
  rtf: {
    'zh-cn': '这是 RTF 格式文件（扩展名可能是 .doc），请在 Word 或 WPS 中“另存为” .docx 后再检查。',
    en: 'This is an RTF file (perhaps named .doc); open it in Word or WPS, save it as .docx, and check that file.',
  },
  html: {
    'zh-cn': '这是网页（HTML/MHT）格式的文件，不是 .docx；请按网页打开检查，或在 Word 或 WPS 中“另存为” .docx 后再检查。',
    en: 'This file is a web page (HTML/MHT), not a .docx; check it as a web page, or save it as .docx in Word or WPS and check that file.',
  },
  wordXml: {
    'zh-cn': '这是 Word XML 格式的文件（“Word XML 文档”），不是 .docx；请在 Word 或 WPS 中“另存为” .docx 后再检查。',
    en: 'This is a Word XML file ("Word XML Document"), not a .docx; save it as .docx in Word or WPS, and check that file.',
  },
  notDocx: {
    'zh-cn': '这不是 Word 文档（.docx）；请选择报告的 .docx 文件，或在 Word 或 WPS 中“另存为” .docx 后再检查。',
    en: 'This is not a Word document (.docx); choose the report\'s .docx file, or save it as .docx in Word or WPS and check that file.',
  },
  tracked: {
    'zh-cn': '文档中有尚未接受或拒绝的修订：检查按“接受所有修订”后的文字进行（已删除的文字不计入）。',
    en: 'The document has tracked changes not yet accepted or rejected: it is checked as if all changes were accepted (deleted text is left out).',
  },
  tooDeep: (depth: number): ImportText => ({
    'zh-cn': `这个 Word 文件的内部结构嵌套超过 ${depth} 层，可能已损坏，未予读取；请在 Word 或 WPS 中重新“另存为” .docx 后再检查。`,
    en: `This Word file's internal structure is nested more than ${depth} levels deep and may be damaged, so it was not read; save it again as .docx in Word or WPS and check that file.`,
  }),
  tooLargeInput: (limit: number): ImportText => ({
    'zh-cn': `这个文件超过 ${mb(limit)} 的上限，未予读取；请确认选择的是年度报告的 .docx 文件。`,
    en: `This file is larger than the ${mb(limit)} limit and was not read; make sure you chose the annual report's .docx file.`,
  }),
  tooLargeExpanded: (limit: number): ImportText => ({
    'zh-cn': `这个 .docx 文件解压后超过 ${mb(limit)} 的上限（文件可能已损坏或被恶意构造），未予读取；请在 Word 或 WPS 中重新“另存为” .docx 后再检查。`,
    en: `This .docx file expands beyond the ${mb(limit)} limit (it may be damaged or crafted), so it was not read; save it again as .docx in Word or WPS and check that file.`,
  }),
  tooSlow: (millis: number): ImportText => ({
    'zh-cn': `读取这个 Word 文件超过了 ${Math.round(millis / 1000)} 秒的时限，已停止；文件可能过大或已损坏，请在 Word 或 WPS 中重新“另存为” .docx 后再检查。`,
    en: `Reading this Word file took longer than the ${Math.round(millis / 1000)}-second limit and was stopped; it may be too large or damaged, so save it again as .docx in Word or WPS and check that file.`,
  }),
} satisfies Record<string, ImportText | ((...args: number[]) => ImportText)>;
