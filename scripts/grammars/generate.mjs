// Generates syntaxes/*.tmLanguage.json from the definitions below (regexes stay readable as String.raw).
// Usage: node scripts/grammars/generate.mjs          write the four grammar files
//        node scripts/grammars/generate.mjs --check  exit 1 if a committed grammar differs from its source
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { R, ip, quoted, comment, secret } from './common.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'syntaxes');
const check = process.argv.includes('--check');
const stale = [];
const save = (name, g) => {
  const file = join(out, `${name}.tmLanguage.json`);
  const text = JSON.stringify(g, null, 2) + '\n';
  if (!check) writeFileSync(file, text);
  else if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(file);
};

// ---------------- Libreswan ipsec.conf ----------------
{
  const L = 'libreswan';
  save(L, {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Libreswan ipsec.conf',
    scopeName: 'source.libreswan',
    patterns: [
      { include: '#comment' }, { include: '#version' }, { include: '#include' },
      { include: '#section' }, { include: '#setting' },
    ],
    repository: {
      comment: comment(L, ['#'], false),
      version: {
        match: R`^(version)\s+([0-9.]+)`,
        captures: { 1: { name: `keyword.other.version.${L}` }, 2: { name: `constant.numeric.version.${L}` } },
      },
      include: {
        match: R`^\s*(include)\s+([^\s#]+)`,
        captures: { 1: { name: `keyword.control.import.${L}` }, 2: { name: `string.unquoted.path.${L}` } },
      },
      section: {
        patterns: [
          {
            name: `meta.section.header.${L}`,
            match: R`^(config)\s+(setup)\b`,
            captures: { 1: { name: `storage.type.section.${L}` }, 2: { name: `entity.name.section.${L}` } },
          },
          {
            name: `meta.section.header.${L}`,
            match: R`^(conn|ca)\s+([^\s#]+)`,
            captures: { 1: { name: `storage.type.section.${L}` }, 2: { name: `entity.name.section.${L}` } },
          },
        ],
      },
      setting: {
        name: `meta.setting.${L}`,
        begin: R`^\s+([A-Za-z][A-Za-z0-9_-]*)\s*(=)`,
        end: '$',
        beginCaptures: { 1: { name: `keyword.other.definition.${L}` }, 2: { name: `keyword.operator.assignment.${L}` } },
        patterns: [{ include: '#comment' }, { include: '#value' }],
      },
      value: {
        patterns: [
          quoted(L),
          { name: `constant.language.magic.${L}`, match: R`%[A-Za-z][A-Za-z0-9_-]*` },
          { include: '#ip' },
          { name: `constant.numeric.${L}`, match: R`(?<![\w.%@:-])(?:0[xX][0-9A-Fa-f]+|\d+(?:\.\d+)?[smhd]?)(?![\w.:-])` },
          { name: `constant.language.boolean.${L}`, match: R`(?<![\w-])(?:yes|no)(?![\w-])` },
          { name: `string.unquoted.id.${L}`, match: R`@[^\s#,"]+` },
          { name: `punctuation.section.braces.${L}`, match: R`[{}]` },
          { name: `punctuation.separator.${L}`, match: R`[,;/:]` },
          { name: `string.unquoted.value.${L}`, match: R`[^\s#,;"/:{}]+` },
        ],
      },
      ip: ip(L),
    },
  });
}

// ---------------- Libreswan secrets ----------------
{
  const L = 'libreswan-secrets';
  save(L, {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Libreswan secrets',
    scopeName: 'source.libreswan-secrets',
    patterns: [{ include: '#comment' }, { include: '#include' }, { include: '#secret' }, { include: '#selector' }],
    repository: {
      comment: comment(L, ['#'], false),
      include: {
        match: R`^\s*(include)\s+([^\s#]+)`,
        captures: { 1: { name: `keyword.control.import.${L}` }, 2: { name: `string.unquoted.path.${L}` } },
      },
      secret: {
        patterns: [
          {
            // the PSK/password itself gets a meta scope only, so themes leave it in the plain colour
            name: `meta.secret.${L}`,
            begin: R`(:)\s*(PSK|XAUTH|EAP|NTLM|PIN)(?![\w-])`,
            end: '$',
            beginCaptures: { 1: { name: `punctuation.separator.key-value.${L}` }, 2: { name: `keyword.other.secret-type.${L}` } },
            patterns: [
              { include: '#comment-after-space' },
              {
                name: secret(L),
                begin: '"', end: R`"|$`,
                beginCaptures: { 0: { name: `punctuation.definition.secret.begin.${L}` } },
                endCaptures: { 0: { name: `punctuation.definition.secret.end.${L}` } },
              },
              {
                name: secret(L),
                begin: "'", end: R`'|$`,
                beginCaptures: { 0: { name: `punctuation.definition.secret.begin.${L}` } },
                endCaptures: { 0: { name: `punctuation.definition.secret.end.${L}` } },
              },
              { name: secret(L), match: R`[^\s"'#]+` },
            ],
          },
          {
            name: `meta.secret.${L}`,
            begin: R`(:)\s*(PPK[SF]?)(?![\w-])`,
            end: '$',
            beginCaptures: { 1: { name: `punctuation.separator.key-value.${L}` }, 2: { name: `keyword.other.secret-type.${L}` } },
            patterns: [
              { include: '#comment-after-space' },
              { name: secret(L), match: R`("[^"]*"|'[^']*'|0[xXsS][^\s#]+)\s*$` },
              quoted(L),
              { name: `string.unquoted.id.${L}`, match: R`[^\s"'#]+` },
            ],
          },
          {
            name: `meta.secret.${L}`,
            begin: R`(:)\s*(RSA|ECDSA)(?![\w-])`,
            end: R`$|(?<=\})`,
            beginCaptures: { 1: { name: `punctuation.separator.key-value.${L}` }, 2: { name: `keyword.other.secret-type.${L}` } },
            patterns: [
              { include: '#comment-after-space' },
              { name: `constant.language.magic.${L}`, match: R`%[A-Za-z][\w-]*` },
              quoted(L),
              {
                begin: R`\{`, end: R`\}`,
                beginCaptures: { 0: { name: `punctuation.section.block.begin.${L}` } },
                endCaptures: { 0: { name: `punctuation.section.block.end.${L}` } },
                patterns: [{ include: '#comment' }, { name: secret(L), match: R`[^\s{}#]+` }],
              },
            ],
          },
        ],
      },
      'comment-after-space': {
        name: `comment.line.number-sign.${L}`,
        match: R`(?<=\s)(#).*$`,
        captures: { 1: { name: `punctuation.definition.comment.${L}` } },
      },
      selector: {
        patterns: [
          { name: `constant.language.magic.${L}`, match: R`%[A-Za-z][A-Za-z0-9_-]*` },
          { include: '#ip' },
          { name: `string.unquoted.id.${L}`, match: R`@[^\s#:"]+` },
          quoted(L),
        ],
      },
      ip: ip(L),
    },
  });
}

// ---------------- FRR ----------------
{
  const L = 'frr';
  const name = (n) => ({ name: n });
  save(L, {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'FRR configuration',
    scopeName: 'source.frr',
    patterns: [
      { include: '#comment' }, { include: '#router' }, { include: '#address-family' }, { include: '#exit' },
      { include: '#interface' }, { include: '#route-map' }, { include: '#list' }, { include: '#command' },
    ],
    repository: {
      comment: comment(L, ['!', '#'], true),
      router: {
        name: `meta.router.${L}`,
        begin: R`^\s*(router)\s+(bgp|ospf6?|ripng|rip|isis|openfabric|eigrp|babel|pim6?)(?![\w-])`,
        end: '$',
        beginCaptures: { 1: name(`keyword.control.router.${L}`), 2: name(`keyword.control.router.${L}`) },
        patterns: [{ include: '#args' }],
      },
      'address-family': {
        match: R`^\s*(address-family)\s+(ipv4|ipv6|l2vpn)(?:\s+(unicast|multicast|vpn|labeled-unicast|flowspec|evpn))?(?![\w-])`,
        captures: { 1: name(`keyword.control.address-family.${L}`), 2: name(`keyword.other.${L}`), 3: name(`keyword.other.${L}`) },
      },
      exit: { match: R`^\s*(exit-address-family|exit-vrf|exit-vni|exit|end|quit)\s*$`, captures: { 1: name(`keyword.control.exit.${L}`) } },
      interface: {
        match: R`^\s*(interface)\s+(\S+)(?:\s+(vrf)\s+(\S+))?`,
        captures: {
          1: name(`keyword.control.interface.${L}`), 2: name(`entity.name.type.interface.${L}`),
          3: name(`keyword.other.${L}`), 4: name(`entity.name.type.vrf.${L}`),
        },
      },
      'route-map': {
        name: `meta.route-map.${L}`,
        begin: R`^\s*(route-map)\s+(\S+)`,
        end: '$',
        beginCaptures: { 1: name(`keyword.control.route-map.${L}`), 2: name(`entity.name.function.route-map.${L}`) },
        patterns: [{ include: '#args' }],
      },
      list: {
        name: `meta.command.${L}`,
        begin: R`^\s*(no\s+)?(ip|ipv6|bgp)\s+(prefix-list|as-path\s+access-list|community-list|large-community-list|access-list)\s+(?:(standard|expanded)\s+)?([^\s!#]+)`,
        end: '$',
        beginCaptures: {
          1: name(`keyword.other.negation.${L}`), 2: name(`keyword.other.command.${L}`), 3: name(`keyword.other.command.${L}`),
          4: name(`keyword.other.${L}`), 5: name(`entity.name.function.list.${L}`),
        },
        patterns: [{ include: '#args' }],
      },
      command: {
        name: `meta.command.${L}`,
        begin: R`^\s*(no\s+)?([A-Za-z][\w-]*)`,
        end: '$',
        beginCaptures: { 1: name(`keyword.other.negation.${L}`), 2: name(`keyword.other.command.${L}`) },
        patterns: [{ include: '#args' }],
      },
      args: {
        patterns: [
          { match: R`(?<![\w-])(password)\s+(\S.*)$`, captures: { 1: name(`keyword.other.${L}`), 2: name(`meta.secret-value.${L}`) } },
          { match: R`(?<![\w-])(description)\s+(\S.*)$`, captures: { 1: name(`keyword.other.${L}`), 2: name(`string.unquoted.description.${L}`) } },
          {
            match: R`(?<![\w-])(route-map|prefix-list|filter-list|distribute-list|peer-group|access-list)\s+([^\s!#]+)(?:\s+(in|out))?(?![\w-])`,
            captures: { 1: name(`keyword.other.${L}`), 2: name(`entity.name.function.${L}`), 3: name(`keyword.other.direction.${L}`) },
          },
          { include: '#ip' },
          { name: `constant.numeric.${L}`, match: R`(?<![\w.:-])\d+(?:\.\d+)?(?![\w.:-])` },
          {
            name: `keyword.other.${L}`,
            match: R`(?<![\w-])(?:remote-as|peer-group|update-source|activate|soft-reconfiguration|inbound|ebgp-multihop|timers|bfd|shutdown|next-hop-self|default-originate|send-community|weight|local-preference|as-path|prepend|neighbor|network|redistribute|match|set|call|on-match|seq|permit|deny|le|ge|any|internal|external|vrf|router-id|log-neighbor-changes|ebgp-requires-policy|maximum-prefix|allowas-in|connected|static|kernel|address|tag|metric|community|large-community|origin|igp|incomplete)(?![\w-])`,
          },
          { name: `constant.language.${L}`, match: R`(?<![\w-])(?:on|off|enable|disable|true|false)(?![\w-])` },
          quoted(L),
        ],
      },
      ip: ip(L),
    },
  });
}

// ---------------- Yamaha RTX ----------------
{
  const L = 'yamaha-rtx';
  const name = (n) => ({ name: n });
  save(L, {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'Yamaha RTX command file',
    scopeName: 'source.yamaha-rtx',
    patterns: [
      { include: '#comment' }, { include: '#select' }, { include: '#pre-shared-key' },
      { include: '#password' }, { include: '#command' },
    ],
    repository: {
      comment: comment(L, ['#'], true),
      select: {
        name: `meta.select.${L}`,
        match: R`^\s*(tunnel|pp)\s+(select)\s+(?:(\d+)|(none|anonymous))(?![\w-])`,
        captures: {
          1: name(`keyword.control.select.${L}`), 2: name(`keyword.control.select.${L}`),
          3: name(`constant.numeric.${L}`), 4: name(`constant.language.${L}`),
        },
      },
      'pre-shared-key': {
        name: `meta.command.${L}`,
        match: R`^\s*(ipsec\s+ike\s+pre-shared-key)(?:\s+(\d+))?\s+(text|hex)\s+(\S.*?)\s*$`,
        captures: {
          1: name(`keyword.other.command.${L}`), 2: name(`constant.numeric.${L}`),
          3: name(`keyword.other.${L}`), 4: name(`meta.secret-value.${L}`),
        },
      },
      password: {
        name: `meta.command.${L}`,
        match: R`^\s*((?:login|administrator)\s+password|pp\s+auth\s+myname\s+\S+|pp\s+auth\s+username\s+\S+|ipsec\s+ike\s+xauth\s+myname\s+\S+)(?:\s+(encrypted))?\s+(\S+)`,
        captures: { 1: name(`keyword.other.command.${L}`), 2: name(`keyword.other.${L}`), 3: name(`meta.secret-value.${L}`) },
      },
      command: {
        name: `meta.command.${L}`,
        begin: R`^\s*(no\s+)?([A-Za-z][\w-]*(?:[ \t]+(?!(?:on|off)(?![\w.-]))[A-Za-z][\w-]*(?![\w.=-]))*)`,
        end: '$',
        beginCaptures: { 1: name(`keyword.other.negation.${L}`), 2: name(`keyword.other.command.${L}`) },
        patterns: [{ include: '#args' }],
      },
      args: {
        patterns: [
          quoted(L),
          {
            match: R`(?<![\w-])([A-Za-z][\w-]*)(=)`,
            captures: { 1: name(`variable.parameter.option.${L}`), 2: name(`keyword.operator.assignment.${L}`) },
          },
          { include: '#ip' },
          { name: `constant.numeric.${L}`, match: R`(?<![\w.:-])\d+(?:\.\d+)?[smhd]?(?![\w.:-])` },
          { name: `constant.language.${L}`, match: R`(?<![\w-])(?:on|off|none|auto|default)(?![\w-])` },
          { name: `punctuation.separator.${L}`, match: R`[,/]` },
          { name: `string.unquoted.value.${L}`, match: R`[^\s,"=/]+` },
        ],
      },
      ip: ip(L),
    },
  });
}

if (check && stale.length) {
  console.error(`grammar out of date (run node scripts/grammars/generate.mjs):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
