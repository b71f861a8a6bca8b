import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

type PageTitleProps = {
  children: React.ReactNode;
  // Shown in the browser tab and history: keep names of people out of it.
  documentTitle: string;
};

// The one h1 of a page; it also names the browser tab.
export const PageTitle = ({ children, documentTitle }: PageTitleProps) => {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: documentTitle });
  }, [documentTitle, t]);
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
};
