import { familyName, t } from '../i18n';
import type { SegmenterState } from './engine';
import { ExampleCard, RuleBody, RuleHeader } from './ExampleView';
import type { GalleryFamily } from './model';

/** Every rule of the (filtered) gallery, by family: bad examples beside the good ones that look wrong but are not. */
export function Gallery({ families, seg }: { families: GalleryFamily[]; seg: SegmenterState }) {
  if (!families.length) return <p class="notice" data-empty>{t('trainingNoMatch')}</p>;
  return (
    <div class="tr-gallery">
      {families.map((fam) => (
        <section key={fam.family} class="tr-family" data-family={fam.family} aria-labelledby={`fam-${fam.family}`}>
          <h2 id={`fam-${fam.family}`}>{familyName(fam.family)}</h2>
          {fam.rules.map(({ rule, bad, good }) => (
            <article key={rule.meta.id} class="tr-rule card" data-rule={rule.meta.id} aria-label={rule.meta.title}>
              <RuleHeader rule={rule} />
              <RuleBody rule={rule} />
              <div class="tr-columns">
                <section class="tr-col bad" aria-label={t('trainingBad')}>
                  <h4>{t('trainingBad')}</h4>
                  {bad.length ? bad.map((it) => <ExampleCard key={it.id} item={it} seg={seg} />) : <p class="muted small">{t('trainingNoneShown')}</p>}
                </section>
                <section class="tr-col good" aria-label={t('trainingGood')}>
                  <h4>{t('trainingGood')}</h4>
                  {good.length ? good.map((it) => <ExampleCard key={it.id} item={it} seg={seg} />) : <p class="muted small">{t('trainingNoneShown')}</p>}
                </section>
              </div>
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
