import { LocaleSchema } from '@app/contracts';
import { SegmentedControl, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, toLocale } from '@/lib/i18n';

type LanguageSwitchProps = { size?: MantineSize };

// Each language is named in itself ("Italiano", "English") and marked with its own lang attribute,
// so that screen readers pronounce it correctly.
export const LanguageSwitch = ({ size = 'xs' }: LanguageSwitchProps) => {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      data-testid="lang-switch"
      aria-label={t('language.label')}
      size={size}
      value={toLocale(i18n.language)}
      onChange={(value) => {
        const parsed = LocaleSchema.safeParse(value);
        if (parsed.success) void changeLanguage(parsed.data);
      }}
      data={LANGUAGES.map((language) => ({
        value: language,
        label: (
          <span data-testid={`lang-${language}`} lang={language}>
            {t(`language.${language}`)}
          </span>
        ),
      }))}
    />
  );
};
