/**
 * A strict, small XML well-formedness check for TwiML (no parser ships with the project): one
 * declaration, properly nested elements, quoted attributes without raw `<` or `&`, text without raw
 * `<`, and only the five predefined entities or numeric references.
 */
const NAME = '[A-Za-z_][\\w.-]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function decode(raw: string, where: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '<') throw new Error(`raw "<" in ${where}`);
    if (c !== '&') {
      out += c;
      continue;
    }
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(raw);
    if (!m) throw new Error(`raw "&" in ${where}: ${raw.slice(i, i + 12)}`);
    const e = m[0];
    out +=
      e === '&amp;'
        ? '&'
        : e === '&lt;'
          ? '<'
          : e === '&gt;'
            ? '>'
            : e === '&quot;'
              ? '"'
              : e === '&apos;'
                ? "'"
                : String.fromCodePoint(Number(e.startsWith('&#x') ? `0x${e.slice(3, -1)}` : e.slice(2, -1)));
    i += e.length - 1;
  }
  return out;
}

/** Parses `xml` or throws why it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  let rest = xml;
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>/.exec(rest);
  if (!decl) throw new Error('missing XML declaration');
  rest = rest.slice(decl[0].length);
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}="[^"]*")*)\\s*(/?)>`);
  while (rest.length) {
    const top = stack[stack.length - 1]!;
    if (rest.startsWith('<')) {
      const m = tag.exec(rest);
      if (!m) throw new Error(`malformed tag at: ${rest.slice(0, 40)}`);
      const [whole, close, name = '', attrs = '', selfClose] = m;
      rest = rest.slice(whole.length);
      if (close) {
        if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
        stack.pop();
        continue;
      }
      const attributes: Record<string, string> = {};
      for (const a of attrs.matchAll(new RegExp(`(${NAME})="([^"]*)"`, 'g'))) {
        const key = a[1] ?? '';
        if (key in attributes) throw new Error(`duplicate attribute ${key}`);
        attributes[key] = decode(a[2] ?? '', `attribute ${key}`);
      }
      const element: XmlElement = { name, attributes, children: [], text: '' };
      if (top === root && root.children.length) throw new Error('more than one root element');
      top.children.push(element);
      if (!selfClose) stack.push(element);
    } else {
      const end = rest.indexOf('<');
      const raw = end === -1 ? rest : rest.slice(0, end);
      rest = end === -1 ? '' : rest.slice(end);
      if (top === root) {
        if (raw.trim()) throw new Error('text outside the root element');
        continue;
      }
      top.text += decode(raw, `text of <${top.name}>`);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]?.name}>`);
  const [doc] = root.children;
  if (!doc) throw new Error('no root element');
  return doc;
}

/** Every element of the tree, depth first. */
export function elements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(elements)];
}
