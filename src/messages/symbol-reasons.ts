// Why a document number and symbol is malformed, as data (model/symbols.ts), and the reason in each language.

/** Why a symbol is malformed, as data: the message catalogue says it in the run's language. */
export type SymbolWhy =
  | { why: 'noSlash' | 'noNumber' | 'notNumber' | 'noCode' | 'emptyPart' | 'legalNeedsType' }
  | { why: 'notWritten'; parts: string[] }
  | { why: 'typeMeant'; type: string; meant: string; name: string }
  | { why: 'notLegalType' | 'notType'; type: string };

/** The reason in English (the catalogue's English and the findings of `check` use it). */
export function symbolReasonEn(w: SymbolWhy): string {
  switch (w.why) {
    case 'noSlash': return 'it has no "/" between the number and the symbol';
    case 'noNumber': return 'the number before "/" is missing';
    case 'notNumber': return 'the number is not a whole number';
    case 'noCode': return 'the symbol after "/" is missing';
    case 'emptyPart': return 'it has an empty part between dashes';
    case 'legalNeedsType': return "a legal document's symbol needs a type and an issuer, e.g. 107/2021/NĐ-CP";
    case 'notWritten':
      return `${w.parts.map((p) => `"${p}"`).join(' and ')} ${w.parts.length === 1 ? 'is' : 'are'} not written as a symbol is (capital letters, with only QyĐ, CTr, TTr and TTg in mixed case)`;
    case 'typeMeant': return `"${w.type}" is not a document type; ${w.meant} is (${w.name})`;
    case 'notLegalType': return `"${w.type}" is not the type of a legal document (NĐ, TT, TTLT, QĐ, NQ …)`;
    case 'notType':
      return `"${w.type}" is not a document type of Nghị định 30/2020/NĐ-CP (QĐ, KH, BC, TB, HD, CT, TTr …; NĐ, TT for legal documents), and a công văn is written ISSUER-UNIT, as 1050/UBND-NC`;
  }
}

/** Why a document symbol is malformed (model/symbols.ts gives the reason as data). */
export function symbolReasonVi(w: SymbolWhy): string {
  switch (w.why) {
    case 'noSlash': return 'không có dấu "/" giữa số và ký hiệu';
    case 'noNumber': return 'thiếu số trước dấu "/"';
    case 'notNumber': return 'số văn bản phải là số nguyên';
    case 'noCode': return 'thiếu ký hiệu sau dấu "/"';
    case 'emptyPart': return 'có một phần trống giữa hai dấu gạch nối';
    case 'legalNeedsType': return 'ký hiệu của văn bản quy phạm pháp luật phải có loại văn bản và cơ quan ban hành, ví dụ 107/2021/NĐ-CP';
    case 'notWritten':
      return `${w.parts.map((p) => `"${p}"`).join(' và ')} không viết theo cách viết ký hiệu (chữ in hoa; chỉ QyĐ, CTr, TTr và TTg viết cả chữ hoa và chữ thường)`;
    case 'typeMeant': return `"${w.type}" không phải là loại văn bản; loại văn bản đúng là ${w.meant} (${w.name})`;
    case 'notLegalType': return `"${w.type}" không phải là loại văn bản quy phạm pháp luật (NĐ, TT, TTLT, QĐ, NQ …)`;
    case 'notType':
      return `"${w.type}" không phải là loại văn bản theo Nghị định 30/2020/NĐ-CP (QĐ, KH, BC, TB, HD, CT, TTr …; NĐ, TT đối với văn bản quy phạm pháp luật); công văn viết theo dạng CƠ QUAN-ĐƠN VỊ, ví dụ 1050/UBND-NC`;
  }
}

