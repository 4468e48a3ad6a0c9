<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="53" />
        <source>黄埔区10个邮政网点可办理530项政务服务事项，周末照常办理</source>
        <translation>黃埔區10個郵政網點可辦理530項政務服務事項，週末照常辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="54" />
        <source>本机可查询1304项政务服务事项，其中824项可在本机自助办理</source>
        <translation>本機可查詢1304項政務服務事項，其中824項可在本機自助辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="55" />
        <source>个人社保、就业，企业开办、经营中的常办事项，可在邮政网点窗口一次办好</source>
        <translation>個人社保、就業，企業開辦、經營中的常辦事項，可在郵政網點窗口一次辦好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="56" />
        <source>办理结果可通过EMS寄递到家，不必再跑一趟</source>
        <translation>辦理結果可通過EMS寄遞到家，不必再跑一趟</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="57" />
        <source>港澳居民可持港澳居民来往内地通行证在本机查询办事指南</source>
        <translation>港澳居民可持港澳居民來往內地通行證在本機查詢辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="62" />
        <source>政务服务 · 邮政便民</source>
        <translation>政務服務 · 郵政便民</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="63" />
        <location filename="../../ui/screens/attract.py" line="96" />
        <source>请触摸屏幕开始</source>
        <translation>請觸摸屏幕開始</translation>
    </message>
</context>
<context>
    <name>BrowseScreen</name>
    <message>
        <location filename="../../ui/screens/browse.py" line="104" />
        <source>全部主题</source>
        <translation>全部主題</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="105" />
        <source>全部部门</source>
        <translation>全部部門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="135" />
        <source>没有找到相关事项，请换个说法试试，或拨打12345热线咨询</source>
        <translation>沒有找到相關事項，請換個説法試試，或撥打12345熱線諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="137" />
        <source>找到的相关事项：</source>
        <translation>找到的相關事項：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="139" />
        <source>常用事项（可输入名称、拼音或首字母查找）：</source>
        <translation>常用事項（可輸入名稱、拼音或首字母查找）：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="141" />
        <source>第 %1 / %2 页</source>
        <translation>第 %1 / %2 頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>全部</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>个人</source>
        <translation>個人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>企业</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="186" />
        <source>输入事项名称、拼音或首字母，如：社保卡、shebaoka、sbk</source>
        <translation>輸入事項名稱、拼音或首字母，如：社保卡、shebaoka、sbk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="187" />
        <source>‹ 上一页</source>
        <translation>‹ 上一頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="188" />
        <source>下一页 ›</source>
        <translation>下一頁 ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="195" />
        <source>收起键盘</source>
        <translation>收起鍵盤</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="195" />
        <source>打开键盘</source>
        <translation>打開鍵盤</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="254" />
        <source>请输入您要办理的事项，或在下方列表中选择</source>
        <translation>請輸入您要辦理的事項，或在下方列表中選擇</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <location filename="../../ui/screens/capture.py" line="242" />
        <source>居民身份证（人像面）</source>
        <translation>居民身份證（人像面）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="243" />
        <source>居民身份证（国徽面）</source>
        <translation>居民身份證（國徽面）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="244" />
        <source>营业执照</source>
        <translation>營業執照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="250" />
        <source>请把身份证有照片的一面朝上，放到高拍仪下方</source>
        <translation>請把身份證有照片的一面朝上，放到高拍儀下方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="251" />
        <source>请把身份证有国徽的一面朝上，放到高拍仪下方</source>
        <translation>請把身份證有國徽的一面朝上，放到高拍儀下方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="252" />
        <source>请把营业执照正本或副本朝上，放到高拍仪下方</source>
        <translation>請把營業執照正本或副本朝上，放到高拍儀下方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="258" />
        <source>请把证件放到下方台面上</source>
        <translation>請把證件放到下方枱面上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="259" />
        <source>请把证件移近一些</source>
        <translation>請把證件移近一些</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="260" />
        <source>请把证件拿远一些</source>
        <translation>請把證件拿遠一些</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="261" />
        <source>请把证件往右移：左边出了画面</source>
        <translation>請把證件往右移：左邊出了畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="262" />
        <source>请把证件往左移：右边出了画面</source>
        <translation>請把證件往左移：右邊出了畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="263" />
        <source>请把证件往下移：上边出了画面</source>
        <translation>請把證件往下移：上邊出了畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="264" />
        <source>请把证件往上移：下边出了画面</source>
        <translation>請把證件往上移：下邊出了畫面</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="265" />
        <source>请把证件放平，正对镜头</source>
        <translation>請把證件放平，正對鏡頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="266" />
        <source>有反光挡住文字，请把证件稍微倾斜</source>
        <translation>有反光擋住文字，請把證件稍微傾斜</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="267" />
        <source>光线太暗，请换到亮一些的地方</source>
        <translation>光線太暗，請換到亮一些的地方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="268" />
        <source>光线太强，请避开直射的灯光</source>
        <translation>光線太強，請避開直射的燈光</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="269" />
        <source>画面模糊，请拿稳证件</source>
        <translation>畫面模糊，請拿穩證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="270" />
        <source>请保持不动</source>
        <translation>請保持不動</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="271" />
        <source>请保持不动，正在拍照……</source>
        <translation>請保持不動，正在拍照……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="272" />
        <source>拍好了</source>
        <translation>拍好了</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="273" />
        <source>拍好了，正在识别，请稍候……</source>
        <translation>拍好了，正在識別，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="274" />
        <source>没有识别成功，请重新放好证件</source>
        <translation>沒有識別成功，請重新放好證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="280" />
        <source>四个角都要在画面里。放好后不要动，会自动拍照</source>
        <translation>四個角都要在畫面裏。放好後不要動，會自動拍照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="282" />
        <source>立即拍照</source>
        <translation>立即拍照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="283" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="289" />
        <source>正在打开高拍仪……</source>
        <translation>正在打開高拍儀……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="290" />
        <source>高拍仪不可用，请到窗口办理或联系工作人员</source>
        <translation>高拍儀不可用，請到窗口辦理或聯繫工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="291" />
        <source>高拍仪没有画面，请联系工作人员</source>
        <translation>高拍儀沒有畫面，請聯繫工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="378" />
        <source>没有自动拍照？放好证件后可以点“立即拍照”</source>
        <translation>沒有自動拍照？放好證件後可以點“立即拍照”</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="513" />
        <source>终端编号：</source>
        <translation>終端編號：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="514" />
        <source>服务网点：</source>
        <translation>服務網點：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="515" />
        <source>事项目录版本：</source>
        <translation>事項目錄版本：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="526" />
        <source>软件版本：</source>
        <translation>軟件版本：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="527" />
        <source>配置来源：</source>
        <translation>配置來源：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="518" />
        <source>设备驱动：</source>
        <translation>設備驅動：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="519" />
        <source>语音播报：</source>
        <translation>語音播報：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="519" />
        <source>可用</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="330" />
        <location filename="../../ui/screens/diagnostics.py" line="402" />
        <location filename="../../ui/screens/diagnostics.py" line="466" />
        <location filename="../../ui/screens/diagnostics.py" line="519" />
        <source>不可用</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="215" />
        <source>高拍仪</source>
        <translation>高拍儀</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="217" />
        <source>指静脉仪</source>
        <translation>指靜脈儀</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="234" />
        <source>正在检测设备……</source>
        <translation>正在檢測設備……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="237" />
        <location filename="../../ui/screens/diagnostics.py" line="511" />
        <location filename="../../ui/screens/diagnostics.py" line="517" />
        <source>检测中</source>
        <translation>檢測中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="240" />
        <source>未配置</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="248" />
        <source>未启用（保存为 PDF）</source>
        <translation>未啓用（保存為 PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="283" />
        <source>未安装</source>
        <translation>未安裝</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="286" />
        <source>（选配）</source>
        <translation>（選配）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="294" />
        <source>必需设备均正常</source>
        <translation>必需設備均正常</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="294" />
        <source>必需设备故障：</source>
        <translation>必需設備故障：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="317" />
        <source>（将保存为 PDF）</source>
        <translation>（將保存為 PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="334" />
        <source>测试中</source>
        <translation>測試中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="344" />
        <source>通过</source>
        <translation>通過</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="344" />
        <location filename="../../ui/screens/diagnostics.py" line="473" />
        <source>失败</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="350" />
        <source>请把身份证放在阅读器上</source>
        <translation>請把身份證放在閲讀器上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="359" />
        <source>正在打印测试页</source>
        <translation>正在打印測試頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="369" />
        <source>请在 %1 秒内扫描任意条码</source>
        <translation>請在 %1 秒內掃描任意條碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="375" />
        <source>正在播放 1000 Hz 测试音</source>
        <translation>正在播放 1000 Hz 測試音</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="380" />
        <source>播放并录音</source>
        <translation>播放並錄音</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="389" />
        <source>请把手指放在指静脉仪上</source>
        <translation>請把手指放在指靜脈儀上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="407" />
        <source>正在连接摄像头……</source>
        <translation>正在連接攝像頭……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="430" />
        <source>预览中</source>
        <translation>預覽中</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="435" />
        <source>太暗</source>
        <translation>太暗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="436" />
        <source>过亮</source>
        <translation>過亮</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="437" />
        <source>未对焦</source>
        <translation>未對焦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="438" />
        <source>良好</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="441" />
        <source>亮度 %1 · 清晰度 %2 · %3 · %4</source>
        <translation>亮度 %1 · 清晰度 %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="452" />
        <location filename="../../ui/screens/diagnostics.py" line="598" />
        <source>摄像头预览未开启</source>
        <translation>攝像頭預覽未開啓</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="516" />
        <source>服务中枢：</source>
        <translation>服務中樞：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="517" />
        <source>A4 打印：</source>
        <translation>A4 打印：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="520" />
        <source>拼音输入词库：</source>
        <translation>拼音輸入詞庫：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="520" />
        <source>已加载</source>
        <translation>已加載</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="520" />
        <source>未加载</source>
        <translation>未加載</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="521" />
        <source>已结束会话数：</source>
        <translation>已結束會話數：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="522" />
        <source>磁盘可用：</source>
        <translation>磁盤可用：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="523" />
        <source>内存可用：</source>
        <translation>內存可用：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="524" />
        <source>CPU 温度：</source>
        <translation>CPU 温度：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="524" />
        <source>无传感器</source>
        <translation>無傳感器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="525" />
        <source>运行时间：</source>
        <translation>運行時間：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="578" />
        <source>重新检测</source>
        <translation>重新檢測</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="579" />
        <source>系统</source>
        <translation>系統</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="580" />
        <source>最近日志（不含个人信息）</source>
        <translation>最近日誌（不含個人信息）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="581" />
        <source>麦克风电平</source>
        <translation>麥克風電平</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="584" />
        <source>读卡</source>
        <translation>讀卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="585" />
        <source>打印测试页</source>
        <translation>打印測試頁</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="586" />
        <source>扫码</source>
        <translation>掃碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="587" />
        <source>预览</source>
        <translation>預覽</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="588" />
        <source>测试音</source>
        <translation>測試音</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="589" />
        <source>电平</source>
        <translation>電平</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="590" />
        <source>回环</source>
        <translation>迴環</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="591" />
        <source>采集</source>
        <translation>採集</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="211" />
        <source>身份证阅读器</source>
        <translation>身份證閲讀器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="212" />
        <source>凭条打印机</source>
        <translation>憑條打印機</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="213" />
        <source>扫码器</source>
        <translation>掃碼器</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="214" />
        <source>摄像头</source>
        <translation>攝像頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="216" />
        <source>扬声器和麦克风</source>
        <translation>揚聲器和麥克風</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="287" />
        <source>正常</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="274" />
        <location filename="../../ui/screens/diagnostics.py" line="287" />
        <source>故障</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="537" />
        <source>（暂无日志）</source>
        <translation>（暫無日誌）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="554" />
        <source>正在导出报告……</source>
        <translation>正在導出報告……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="562" />
        <source>导出失败：</source>
        <translation>導出失敗：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="567" />
        <source>报告已导出：</source>
        <translation>報告已導出：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="576" />
        <source>退出诊断</source>
        <translation>退出診斷</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="577" />
        <source>导出报告</source>
        <translation>導出報告</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="123" />
        <source>抱歉，刚才出了点问题</source>
        <translation>抱歉，剛才出了點問題</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="124" />
        <source>您的信息已清除。请重新开始，或到窗口请工作人员帮助。</source>
        <translation>您的信息已清除。請重新開始，或到窗口請工作人員幫助。</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="125" />
        <source>重新开始</source>
        <translation>重新開始</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="129" />
        <source>抱歉，刚才出了点问题，请重新开始</source>
        <translation>抱歉，剛才出了點問題，請重新開始</translation>
    </message>
</context>
<context>
    <name>FaceScreen</name>
    <message>
        <location filename="../../ui/screens/face.py" line="202" />
        <source>请把身份证放在读卡器上</source>
        <translation>請把身份證放在讀卡器上</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="203" />
        <source>正在读取身份证，请不要移开……</source>
        <translation>正在讀取身份證，請不要移開……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="204" />
        <source>正在准备证件照片，请稍候……</source>
        <translation>正在準備證件照片，請稍候……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="205" />
        <source>请看着屏幕，把脸放进框里</source>
        <translation>請看着屏幕，把臉放進框裏</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="206" />
        <source>请一个人站在镜头前</source>
        <translation>請一個人站在鏡頭前</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="207" />
        <source>请靠近一些</source>
        <translation>請靠近一些</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="208" />
        <source>请稍微往后站</source>
        <translation>請稍微往後站</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="209" />
        <source>请把脸移到框的中间</source>
        <translation>請把臉移到框的中間</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="210" />
        <source>请正对屏幕</source>
        <translation>請正對屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="211" />
        <source>脸部太暗，请站到亮一些的地方</source>
        <translation>臉部太暗，請站到亮一些的地方</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="212" />
        <source>脸部光线太强</source>
        <translation>臉部光線太強</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="213" />
        <source>请保持不动</source>
        <translation>請保持不動</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="214" />
        <source>很好，请保持不动</source>
        <translation>很好，請保持不動</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="215" />
        <source>请眨眨眼</source>
        <translation>請眨眨眼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="216" />
        <source>请慢慢向左转头</source>
        <translation>請慢慢向左轉頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="217" />
        <source>请慢慢向右转头</source>
        <translation>請慢慢向右轉頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="218" />
        <source>请慢慢点头</source>
        <translation>請慢慢點頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="219" />
        <source>核验通过</source>
        <translation>核驗通過</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="220" />
        <source>人脸与身份证照片不一致</source>
        <translation>人臉與身份證照片不一致</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="221" />
        <source>没有看到要求的动作</source>
        <translation>沒有看到要求的動作</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="222" />
        <source>没有通过活体检测，请本人正对镜头</source>
        <translation>沒有通過活體檢測，請本人正對鏡頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="223" />
        <source>请本人正对镜头，不要使用照片或屏幕</source>
        <translation>請本人正對鏡頭，不要使用照片或屏幕</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="224" />
        <source>检测过程中换了人</source>
        <translation>檢測過程中換了人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="225" />
        <source>无法使用这张身份证的照片</source>
        <translation>無法使用這張身份證的照片</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="226" />
        <source>没有读到身份证，请重新放好</source>
        <translation>沒有讀到身份證，請重新放好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="227" />
        <source>摄像头不可用</source>
        <translation>攝像頭不可用</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="232" />
        <source>刷脸核验身份</source>
        <translation>刷臉核驗身份</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="234" />
        <source>再试一次</source>
        <translation>再試一次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="235" />
        <source>视频连线工作人员</source>
        <translation>視頻連線工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="236" />
        <source>继续办理</source>
        <translation>繼續辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="237" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="238" />
        <source>正在打开摄像头……</source>
        <translation>正在打開攝像頭……</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="389" />
        <source>摄像头没有画面，请联系工作人员</source>
        <translation>攝像頭沒有畫面，請聯繫工作人員</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="412" />
        <source>还剩 %1 秒</source>
        <translation>還剩 %1 秒</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/face.py" line="427" />
        <source>还可以再试 %n 次</source>
        <translation>
            <numerusform>還可以再試 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="429" />
        <source>请到人工窗口，工作人员会帮您核验身份</source>
        <translation>請到人工窗口，工作人員會幫您核驗身份</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="431" />
        <source>已确认是您本人</source>
        <translation>已確認是您本人</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>事项查询</source>
        <translation>事項查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>查询全部1304项服务的办事指南</source>
        <translation>查詢全部1304項服務的辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>自助申报</source>
        <translation>自助申報</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>824项事项可在本机办理</source>
        <translation>824項事項可在本機辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>视频咨询</source>
        <translation>視頻諮詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>与工作人员视频通话</source>
        <translation>與工作人員視頻通話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>预约上门</source>
        <translation>預約上門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>邮政人员上门收取材料</source>
        <translation>郵政人員上門收取材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>办件查询</source>
        <translation>辦件查詢</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>查看申请的办理进度</source>
        <translation>查看申請的辦理進度</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>社保业务</source>
        <translation>社保業務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>参保、缴费、待遇、社保卡</source>
        <translation>參保、繳費、待遇、社保卡</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>智能审批</source>
        <translation>智能審批</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>符合条件即时审批</source>
        <translation>符合條件即時審批</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>粤港澳大湾区政务</source>
        <translation>粵港澳大灣區政務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>湾区通办服务</source>
        <translation>灣區通辦服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>省政务服务网黄埔区分厅</source>
        <translation>省政務服務網黃埔區分廳</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>广东政务服务网</source>
        <translation>廣東政務服務網</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>网上中介超市</source>
        <translation>網上中介超市</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>中介服务事项</source>
        <translation>中介服務事項</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>粤省事</source>
        <translation>粵省事</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>广东民生服务</source>
        <translation>廣東民生服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>更多服务 ›</source>
        <translation>更多服務 ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>‹ 返回常用服务</source>
        <translation>‹ 返回常用服務</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="94" />
        <source>欢迎使用政务服务自助终端</source>
        <translation>歡迎使用政務服務自助終端</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="112" />
        <source>请选择您要办理的业务</source>
        <translation>請選擇您要辦理的業務</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="50" />
        <source>您还在办理吗？</source>
        <translation>您還在辦理嗎？</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="51" />
        <source>%1 秒后将结束办理，并清除您在本机输入的所有信息</source>
        <translation>%1 秒後將結束辦理，並清除您在本機輸入的所有信息</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="52" />
        <source>继续办理</source>
        <translation>繼續辦理</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="53" />
        <source>结束办理</source>
        <translation>結束辦理</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../../ui/screens/item.py" line="102" />
        <source>识别营业执照</source>
        <translation>識別營業執照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="102" />
        <source>营业执照正本或副本，放到高拍仪下即可</source>
        <translation>營業執照正本或副本，放到高拍儀下即可</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="104" />
        <location filename="../../ui/screens/item.py" line="105" />
        <source>识别证件</source>
        <translation>識別證件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="104" />
        <source>居民身份证国徽面，放到高拍仪下即可</source>
        <translation>居民身份證國徽面，放到高拍儀下即可</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="105" />
        <source>居民身份证人像面，放到高拍仪下即可</source>
        <translation>居民身份證人像面，放到高拍儀下即可</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="110" />
        <source>居民身份证（人像面）</source>
        <translation>居民身份證（人像面）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="111" />
        <source>居民身份证（国徽面）</source>
        <translation>居民身份證（國徽面）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="112" />
        <source>营业执照</source>
        <translation>營業執照</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="135" />
        <source>刷脸核验身份</source>
        <translation>刷臉核驗身份</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="135" />
        <source>身份证放到读卡器上，再看着摄像头</source>
        <translation>身份證放到讀卡器上，再看着攝像頭</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="142" />
        <source>%1已识别并核对</source>
        <translation>%1已識別並核對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="147" />
        <source>身份已核验</source>
        <translation>身份已核驗</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="152" />
        <source>即办（当场办结）</source>
        <translation>即辦（當場辦結）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/item.py" line="152" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n 個工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="158" />
        <source>原件</source>
        <translation>原件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="158" />
        <source>复印件</source>
        <translation>複印件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="158" />
        <source>电子版</source>
        <translation>電子版</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="160" />
        <source>本机自助办理</source>
        <translation>本機自助辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="161" />
        <source>邮政网点窗口办理</source>
        <translation>郵政網點窗口辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="162" />
        <source>网上办理（广东政务服务网、粤省事）</source>
        <translation>網上辦理（廣東政務服務網、粵省事）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="163" />
        <source>政务服务中心窗口办理</source>
        <translation>政務服務中心窗口辦理</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="164" />
        <source>可预约邮政人员上门收取材料</source>
        <translation>可預約郵政人員上門收取材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="166" />
        <source>个人</source>
        <translation>個人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="166" />
        <source>企业</source>
        <translation>企業</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="166" />
        <source>个人和企业</source>
        <translation>個人和企業</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="174" />
        <source>必须</source>
        <translation>必須</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="174" />
        <source>视情况提供</source>
        <translation>視情況提供</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="177" />
        <source>不收费</source>
        <translation>不收費</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="180" />
        <source>需要带的材料</source>
        <translation>需要帶的材料</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="181" />
        <source>去哪里办</source>
        <translation>去哪裏辦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="183" />
        <source>多久办好</source>
        <translation>多久辦好</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="185" />
        <source>承诺时限：</source>
        <translation>承諾時限：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="186" />
        <source>法定时限：</source>
        <translation>法定時限：</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="189" />
        <source>收费</source>
        <translation>收費</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="190" />
        <source>可以怎么办</source>
        <translation>可以怎麼辦</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="191" />
        <source>办理步骤</source>
        <translation>辦理步驟</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="192" />
        <source>咨询电话</source>
        <translation>諮詢電話</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="193" />
        <source>服务对象与部门</source>
        <translation>服務對象與部門</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="194" />
        <source>设定依据</source>
        <translation>設定依據</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="201" />
        <source>指南已打印，请在下方出纸口取走</source>
        <translation>指南已打印，請在下方出紙口取走</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="203" />
        <source>打印机暂不可用，请用手机扫描上方二维码保存指南</source>
        <translation>打印機暫不可用，請用手機掃描上方二維碼保存指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="208" />
        <source>手机扫码，把指南带走</source>
        <translation>手機掃碼，把指南帶走</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="209" />
        <source>打印办事指南</source>
        <translation>打印辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="210" />
        <source>需要帮助可拨打12345政务服务热线</source>
        <translation>需要幫助可撥打12345政務服務熱線</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="233" />
        <source>这是办事指南，请准备好所列材料。可以打印指南，或用手机扫描二维码带走</source>
        <translation>這是辦事指南，請準備好所列材料。可以打印指南，或用手機掃描二維碼帶走</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="197" />
        <source>首页</source>
        <translation>首頁</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198" />
        <source>事项查询</source>
        <translation>事項查詢</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199" />
        <source>办事指南</source>
        <translation>辦事指南</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200" />
        <source>证件识别</source>
        <translation>證件識別</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201" />
        <source>核对信息</source>
        <translation>核對信息</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202" />
        <source>身份核验</source>
        <translation>身份核驗</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203" />
        <source>网上服务</source>
        <translation>網上服務</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204" />
        <source>技术人员入口</source>
        <translation>技術人員入口</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205" />
        <source>终端诊断</source>
        <translation>終端診斷</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302" />
        <source>正在打印，请稍候……</source>
        <translation>正在打印，請稍候……</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="70" />
        <source>未设置技术人员密码</source>
        <translation>未設置技術人員密碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="78" />
        <source>错误次数过多，请 %1 秒后再试</source>
        <translation>錯誤次數過多，請 %1 秒後再試</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="81" />
        <source>密码错误，还可尝试 %1 次</source>
        <translation>密碼錯誤，還可嘗試 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="85" />
        <source>技术人员入口：请输入密码</source>
        <translation>技術人員入口：請輸入密碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="86" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message>
        <location filename="../../ui/portal.py" line="138" />
        <source>返回首页</source>
        <translation>返回首頁</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="143" />
        <source>上一页</source>
        <translation>上一頁</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="191" />
        <location filename="../../ui/portal.py" line="268" />
        <location filename="../../ui/portal.py" line="272" />
        <source>该网页不在本服务范围内</source>
        <translation>該網頁不在本服務範圍內</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="264" />
        <source>本机不提供文件下载</source>
        <translation>本機不提供文件下載</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/screens/review.py" line="198" />
        <source>统一社会信用代码</source>
        <translation>統一社會信用代碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="199" />
        <source>名称</source>
        <translation>名稱</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="200" />
        <source>类型</source>
        <translation>類型</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="201" />
        <source>法定代表人</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="202" />
        <source>注册资本</source>
        <translation>註冊資本</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="203" />
        <source>成立日期</source>
        <translation>成立日期</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="204" />
        <source>住所</source>
        <translation>住所</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="208" />
        <source>姓名</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="209" />
        <source>性别</source>
        <translation>性別</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="210" />
        <source>民族</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="211" />
        <source>出生日期</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="212" />
        <source>住址</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="213" />
        <source>公民身份号码</source>
        <translation>公民身份號碼</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="214" />
        <source>签发机关</source>
        <translation>簽發機關</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="215" />
        <source>有效期自</source>
        <translation>有效期自</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="216" />
        <source>有效期至</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="223" />
        <source>没有读出内容</source>
        <translation>沒有讀出內容</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="224" />
        <source>字迹不够清楚，可能读错</source>
        <translation>字跡不夠清楚，可能讀錯</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="225" />
        <source>号码的位数或格式不对</source>
        <translation>號碼的位數或格式不對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="226" />
        <source>号码最后一位的校验不通过</source>
        <translation>號碼最後一位的校驗不通過</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="227" />
        <source>号码里的出生日期与证件上的不一致</source>
        <translation>號碼裏的出生日期與證件上的不一致</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="228" />
        <source>号码与性别不一致</source>
        <translation>號碼與性別不一致</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="229" />
        <source>号码开头的地区代码不存在</source>
        <translation>號碼開頭的地區代碼不存在</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="230" />
        <source>代码的格式或校验位不对</source>
        <translation>代碼的格式或校驗位不對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="231" />
        <source>应为“男”或“女”</source>
        <translation>應為“男”或“女”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="232" />
        <source>不是56个民族之一</source>
        <translation>不是56個民族之一</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="233" />
        <source>不是有效的日期，请按 1980-01-31 的格式填写</source>
        <translation>不是有效的日期，請按 1980-01-31 的格式填寫</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="234" />
        <source>有效期限不符合规定</source>
        <translation>有效期限不符合規定</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="235" />
        <source>内容不符合证件的编排规则</source>
        <translation>內容不符合證件的編排規則</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="236" />
        <source>可能读错</source>
        <translation>可能讀錯</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="241" />
        <source>这是证件的另一面，请翻过来后重拍</source>
        <translation>這是證件的另一面，請翻過來後重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="242" />
        <source>这可能不是要求的证件，请检查后重拍</source>
        <translation>這可能不是要求的證件，請檢查後重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="243" />
        <source>这看起来是复印件，请使用证件原件</source>
        <translation>這看起來是複印件，請使用證件原件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="244" />
        <source>这看起来是屏幕上的照片，请使用证件原件</source>
        <translation>這看起來是屏幕上的照片，請使用證件原件</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="245" />
        <source>证件有反光，部分文字可能没读准，请仔细核对</source>
        <translation>證件有反光，部分文字可能沒讀準，請仔細核對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="246" />
        <source>照片有些模糊，请仔细核对，或者重拍</source>
        <translation>照片有些模糊，請仔細核對，或者重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="247" />
        <source>照片偏暗，请仔细核对，或者重拍</source>
        <translation>照片偏暗，請仔細核對，或者重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="248" />
        <source>照片过亮，请仔细核对，或者重拍</source>
        <translation>照片過亮，請仔細核對，或者重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="253" />
        <source>请核对识别结果</source>
        <translation>請核對識別結果</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="254" />
        <source>标有 ⚠ 的项目请逐一核对：内容正确就点“正确”，不对就点内容修改</source>
        <translation>標有 ⚠ 的項目請逐一核對：內容正確就點“正確”，不對就點內容修改</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="255" />
        <source>重拍</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="256" />
        <source>确认</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="257" />
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="258" />
        <source>保存</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="259" />
        <source>也可能是（点一下即可选用）：</source>
        <translation>也可能是（點一下即可選用）：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/review.py" line="268" />
        <source>请核对识别结果。有 %n 项需要核对：内容正确就点“正确”，不对就点内容修改</source>
        <translation>
            <numerusform>請核對識別結果。有 %n 項需要核對：內容正確就點“正確”，不對就點內容修改</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="269" />
        <source>请核对识别结果，没有问题就点“确认”</source>
        <translation>請核對識別結果，沒有問題就點“確認”</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="302" />
        <source>请核对：%1</source>
        <translation>請核對：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="377" />
        <source>修改：%1</source>
        <translation>修改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="378" />
        <source>识别结果：%1</source>
        <translation>識別結果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="303" />
        <source>已核对</source>
        <translation>已核對</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="304" />
        <source>已修改</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="309" />
        <location filename="../../ui/screens/review.py" line="378" />
        <source>（没有读出）</source>
        <translation>（沒有讀出）</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="311" />
        <source>正确</source>
        <translation>正確</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="312" />
        <source>修改</source>
        <translation>修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/review.py" line="322" />
        <source>还有 %n 项需要核对</source>
        <translation>
            <numerusform>還有 %n 項需要核對</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="324" />
        <source>都核对好了，请点“确认”</source>
        <translation>都核對好了，請點“確認”</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/chrome.py" line="77" />
        <source>⌂ 首页</source>
        <translation>⌂ 首頁</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="78" />
        <source>‹ 返回</source>
        <translation>‹ 返回</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="79" />
        <source>朗读</source>
        <translation>朗讀</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="80" />
        <source>结束办理</source>
        <translation>結束辦理</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版 ✓</source>
        <translation>長輩版 ✓</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版</source>
        <translation>長輩版</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="164" />
        <location filename="../../ui/widgets/keyboard.py" line="429" />
        <source>更多 ▶</source>
        <translation>更多 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="177" />
        <location filename="../../ui/widgets/keyboard.py" line="428" />
        <source>切换输入方式：拼音、字母、数字</source>
        <translation>切換輸入方式：拼音、字母、數字</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="179" />
        <location filename="../../ui/widgets/keyboard.py" line="425" />
        <source>空格</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="181" />
        <location filename="../../ui/widgets/keyboard.py" line="426" />
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="183" />
        <location filename="../../ui/widgets/keyboard.py" line="427" />
        <source>清空</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="404" />
        <source>输入拼音，点选汉字</source>
        <translation>輸入拼音，點選漢字</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="407" />
        <source>词库准备中，字母直接输入</source>
        <translation>詞庫準備中，字母直接輸入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="410" />
        <source>字母、数字直接输入</source>
        <translation>字母、數字直接輸入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>拼音</source>
        <translation>拼音</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>123</source>
        <translation>123</translation>
    </message>
</context>
</TS>
