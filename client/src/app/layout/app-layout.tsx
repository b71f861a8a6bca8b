import { AppShell, Burger, Button, Group, NavLink, Progress, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { LanguageSwitch } from '@/components/ui/language-switch';
import { PageLoader } from '@/components/ui/page-loader';
import { paths } from '@/config/paths';
import { useCurrentUser, useLogout } from '@/lib/auth';
import classes from './app-layout.module.css';
import { navItemsFor } from './nav-items';

// The inbox entry's counts need the inbox contracts (reports, return steps…): loaded with the
// entry, only for the roles that have an inbox, so the first download stays small. Until then the
// entry shows its plain label.
const InboxNavLabel = lazy(() => import('./inbox-nav-label').then((module) => ({ default: module.InboxNavLabel })));

const isActive = (pathname: string, to: string, end: boolean): boolean =>
  end ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);

export const AppLayout = () => {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const [navbarOpened, { toggle: toggleNavbar, close: closeNavbar }] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
      padding="md"
    >
      <a href="#main" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group wrap="nowrap" gap="sm" miw={0}>
            <Burger
              opened={navbarOpened}
              onClick={toggleNavbar}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={navbarOpened}
            />
            <Text component={Link} to={paths.home()} fw={700} size="lg" truncate className={classes.brand}>
              {t('app.name')}
            </Text>
          </Group>
          <Group data-testid="user-menu" role="group" aria-label={t('userMenu.label')} wrap="nowrap" gap="sm">
            <Stack gap={0} align="flex-end" visibleFrom="sm">
              <Text size="sm" fw={600} data-testid="user-name">
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" data-testid="user-role">
                {t(`roles.${user.role}`)} · {user.organisation.name}
              </Text>
            </Stack>
            <LanguageSwitch />
            <Button variant="default" size="xs" data-testid="logout" onClick={() => void logout()}>
              {t('userMenu.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {/* On small screens the header has no room for the user's name and role. */}
        <Stack gap={0} hiddenFrom="sm" mb="sm">
          <Text size="sm" fw={600}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${user.role}`)} · {user.organisation.name}
          </Text>
        </Stack>
        {navItemsFor(user.role).map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            end={item.end}
            label={
              item.to === paths.inbox() ? (
                <Suspense fallback={t(item.labelKey)}>
                  <InboxNavLabel label={t(item.labelKey)} />
                </Suspense>
              ) : (
                t(item.labelKey)
              )
            }
            active={isActive(pathname, item.to, item.end)}
            onClick={closeNavbar}
          />
        ))}
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        {navigation.state === 'loading' && (
          <Progress value={100} animated size="xs" mb="sm" aria-label={t('app.loading')} />
        )}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <ScrollRestoration />
    </AppShell>
  );
};
